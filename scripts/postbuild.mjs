// Finishes the release bundle that Trunk wrote in dist/:
// - moves Trunk's inline start-up script into its own file, so that the Content-Security-Policy needs no
//   'unsafe-inline' and no per-build hash (the same policy works as an HTTP header on a city's server);
// - puts the policy of content-security-policy.txt in a <meta> tag at the top of <head>;
// - copies the territories' packs the wasm names (`packs/<id>-<lang>-<hash>.pack`, written by build.rs into
//   target/pack-files/) into dist/packs/, and makes the start-up script preload the one the app will ask for
//   first (territory and language as the app chooses them), so its download runs beside the wasm's;
// - writes the service worker sw.js (offline use): the list of the app's static files and a cache name
//   versioned by their content. It caches those files only, never anything about the resident's answers.
//
//   node scripts/postbuild.mjs [dist]
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');
const policy = readFileSync(join(root, 'content-security-policy.txt'), 'utf8').trim();
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// The packs: their names are in the wasm's data (the app's index of territories), content-hashed, one file
// per territory and language: packs/<id>-<lang>-<hash>.pack.
const wasmName = readdirSync(dist).find((name) => name.endsWith('_bg.wasm'));
if (!wasmName) throw new Error('postbuild: no .wasm in dist/');
const packFiles = [...new Set(readFileSync(join(dist, wasmName)).toString('latin1').match(/packs\/[a-z0-9_]+-[a-z]{2,3}-[0-9a-f]{16}\.pack/g) ?? [])].sort();
mkdirSync(join(dist, 'packs'), { recursive: true });
for (const file of packFiles) copyFileSync(join(root, 'target/pack-files', file.slice('packs/'.length)), join(dist, file));
const packs = {};
for (const file of packFiles) {
  const [, id, lang] = file.match(/^packs\/([a-z0-9_]+)-([a-z]{2,3})-/);
  (packs[id] ??= {})[lang] = `./${file}`;
}
console.log(`postbuild: ${packFiles.length} pack files in dist/packs/ (${packFiles.join(', ')})`);

// Starts the download of the pack the app will ask for first, beside the wasm's instead of after it. The
// choice mirrors the app's (src/shell.rs boot, src/browser.rs browser_language, src/rules.rs file): the
// page's territory, else the first by id; the page's language, else the browser's (en, ar), else French;
// that language's file, else French (every pack's reference language here). Nothing when the page names
// its own pack. A wrong guess only costs a wasted download: the app fetches what it needs itself.
const preloadPack = `{
  const packs = ${JSON.stringify(packs)};
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const ids = Object.keys(packs).sort();
  if (ids.length > 0 && !root.dataset.pack && !query.get('pack')) {
    const territory = [root.dataset.territory, query.get('territory')].find((t) => t && packs[t]) ?? ids[0];
    const browser = (navigator.language || '').split(/[-_]/)[0].toLowerCase();
    const lang = [root.dataset.lang, query.get('lang'), browser].find((l) => ['fr', 'en', 'ar'].includes(l)) ?? 'fr';
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = packs[territory][lang] ?? packs[territory].fr ?? Object.values(packs[territory])[0];
    document.head.append(link);
  }
}
`;

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const code = preloadPack + match[1].trim() + '\n';
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dist, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
} else if (!/<script type="module" src="\.\/boot-/.test(html)) {
  throw new Error('postbuild: no start-up script found in dist/index.html (did Trunk change its output?)');
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error('postbuild: an inline script is left in dist/index.html; the CSP would block it');
}

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
html = html.replace(/(<meta charset="utf-8">)/, `$1\n    ${meta}`);
if (!html.includes(meta)) throw new Error('postbuild: could not insert the CSP meta tag (no <meta charset="utf-8">?)');
writeFileSync(indexPath, html);
console.log(`postbuild: start-up script moved out of index.html, CSP set (${policy.length} characters)`);

// The service worker. Files that are not part of the app itself are left out: the worker script, the
// host-side embedding script and its example page.
const NOT_CACHED = new Set(['sw.js', 'embed.js', 'embed-example.html']);
const listFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
const files = listFiles(dist)
  .map((path) => relative(dist, path).split(sep).join('/'))
  .filter((name) => !NOT_CACHED.has(name) && !name.startsWith('.'))
  .sort();
const version = createHash('sha256');
for (const name of files) version.update(name).update('\0').update(readFileSync(join(dist, name)));
const cacheName = `eligo-${version.digest('hex').slice(0, 16)}`;
const worker = readFileSync(join(root, 'static/sw-template.js'), 'utf8')
  .replace('__CACHE_NAME__', JSON.stringify(cacheName))
  .replace('__FILES__', JSON.stringify(files.map((name) => `./${name}`), null, 2));
if (worker.includes('__CACHE_NAME__') || worker.includes('__FILES__')) throw new Error('postbuild: bad static/sw-template.js');
writeFileSync(join(dist, 'sw.js'), worker);
console.log(`postbuild: sw.js caches ${files.length} files as ${cacheName}`);
