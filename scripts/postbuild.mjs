// Finishes the release bundle that Trunk wrote in dist/:
// - shortens the names of the wasm's imports and closure exports, in the wasm and its JS glue (wasm-names.mjs);
// - minifies Trunk's JS glue (`eligo-<hash>.js`, wasm-bindgen's output) and the start-up script with terser,
//   and the style sheets with csso (no restructuring: rules keep their order), both pure JS from
//   tests/e2e/package-lock.json, the style sheets joined into one file; file names stay Trunk's, and the `integrity` (SRI, sha384) attributes of
//   index.html are rewritten for the new bytes. Exports and the wasm's import names are checked after
//   minification; a file is kept as Trunk wrote it when minifying would not shrink it (gzip -9);
// - moves Trunk's inline start-up script into its own file, with a handler that shows the apology when the wasm
//   traps (a panic in the release build), so that the Content-Security-Policy needs no
//   'unsafe-inline' and no per-build hash (the same policy works as an HTTP header on a city's server);
// - copies the QR code encoder static/qr.js, minified, to `qr-<hash>.js` (checked: same export, same codes),
//   and defines in the start-up script the `eligoQrPath(text)` the wasm calls (src/take_away/qr.rs), which
//   imports it on first use only: it is not part of the first load (size-budget.json), sw.js precaches it;
// - puts the policy of content-security-policy.txt in a <meta> tag at the top of <head>;
// - copies the territories' packs the wasm names (`packs/<id>-<lang>-<hash>.pack`, written by build.rs into
//   target/pack-files/) into dist/packs/, and makes the start-up script preload the one the app will ask for
//   first (territory and language as the app chooses them), so its download runs beside the wasm's;
// - writes the service worker sw.js (offline use), last, from the final files: the list of the app's static
//   files and a cache name versioned by their content. It caches those files only, never anything about the
//   resident's answers.
// Deterministic (the same dist/ from Trunk gives the same files), and it stops with an error rather than ship
// a file it could not finish.
//
//   node scripts/postbuild.mjs [dist]
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { shortenNames } from './wasm-names.mjs';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');
const policy = readFileSync(join(root, 'content-security-policy.txt'), 'utf8').trim();
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// The minifiers live with the build's other npm tools in tests/e2e/ (scripts/setup.sh installs them from
// its lock file, at exact versions).
const requireTool = createRequire(join(root, 'tests/e2e/package.json'));
const tool = (name) => {
  try {
    return requireTool(name);
  } catch (error) {
    throw new Error(`postbuild: cannot load ${name} from tests/e2e/node_modules (run bash scripts/setup.sh): ${error.message}`);
  }
};
const terser = tool('terser');
const csso = tool('csso');

// terser never renames object keys unless told to (mangle.properties): the keys of wasm-bindgen's
// __wbg_get_imports are the wasm's import names, and they are checked below anyway.
const TERSER_OPTIONS = { module: true, compress: true, mangle: true };
async function minifyJs(name, code) {
  let result;
  try {
    result = await terser.minify(code, TERSER_OPTIONS);
  } catch (error) {
    throw new Error(`postbuild: terser could not minify ${name}: ${error?.message ?? error}`);
  }
  if (typeof result?.code !== 'string' || result.code.trim() === '') throw new Error(`postbuild: terser gave no code for ${name}`);
  return result.code.endsWith('\n') ? result.code : `${result.code}\n`;
}
// No restructuring: csso would merge and move rules, which can change the cascade; the clean-up alone gives the
// smaller gzip here anyway (measured: 2 991 B against 3 013 B for both sheets).
function minifyCss(name, css) {
  let result;
  try {
    result = csso.minify(css, { restructure: false });
  } catch (error) {
    throw new Error(`postbuild: csso could not minify ${name}: ${error?.message ?? error}`);
  }
  if (typeof result?.css !== 'string' || result.css.trim() === '') throw new Error(`postbuild: csso gave no CSS for ${name}`);
  return `${result.css}\n`;
}
const gzipBytes = (text) => gzipSync(text, { level: 9 }).length;
// Writes the whole file or nothing: a temporary file (a dot file, never listed in sw.js) renamed over the old one.
const writeWhole = (path, text) => {
  const temporary = join(dirname(path), `.${basename(path)}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
};
const sri = (bytes, algorithm = 'sha384') => `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
// Rewrites the integrity attribute of the tags of index.html that load ./name (none if Trunk wrote none).
const setIntegrity = (name, bytes) => {
  const target = new RegExp(`<(?:link|script)\\b[^>]*\\b(?:href|src)="\\./${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`, 'g');
  html = html.replace(target, (tag) => tag.replace(/\bintegrity="(sha\d+)-[^"]*"/, (_, algorithm) => `integrity="${sri(bytes, algorithm)}"`));
};
// The names a module exports, as read by importing it (wasm-bindgen's glue only defines things at its top level).
const exportsOf = async (code) =>
  Object.entries(await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`))
    .map(([key, value]) => `${key}:${typeof value}`)
    .sort()
    .join(' ');
const keyPattern = (key) => {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`[{,]\\s*(?:${escaped}|"${escaped}"|'${escaped}')\\s*:`);
};

// A second run on a finished dist/ (its start-up script already moved out) leaves the minified files as they are.
const finished = /<script type="module" src="\.\/boot-/.test(html);
const minified = [];
const noteSizes = (name, before, after) =>
  minified.push(`${name} ${Buffer.byteLength(before)} -> ${Buffer.byteLength(after)} B (gzip ${gzipBytes(before)} -> ${gzipBytes(after)})`);

if (!finished) {
  const wasmFile = readdirSync(dist).find((name) => name.endsWith('_bg.wasm'));
  const glueName = wasmFile?.replace(/_bg\.wasm$/, '.js');
  if (!glueName || !readdirSync(dist).includes(glueName)) throw new Error('postbuild: no wasm-bindgen glue <name>.js beside the .wasm in dist/');
  // Short names for the wasm's imports and closure exports, in the wasm and the glue alike (scripts/wasm-names.mjs).
  const named = shortenNames(readFileSync(join(dist, wasmFile)), readFileSync(join(dist, glueName), 'utf8'));
  writeWhole(join(dist, wasmFile), named.wasm);
  setIntegrity(wasmFile, named.wasm);
  minified.push(`${named.renamed} wasm import and export names shortened`);
  const glue = named.glue;
  const small = await minifyJs(glueName, glue);
  if (gzipBytes(small) >= gzipBytes(glue)) {
    writeWhole(join(dist, glueName), glue);
    setIntegrity(glueName, glue);
  } else {
    // The same exports (the start-up script imports the default and the namespace)...
    const [before, after] = [await exportsOf(glue), await exportsOf(small)];
    if (before !== after) throw new Error(`postbuild: minifying ${glueName} changed its exports: ${before} became ${after}`);
    // ...and every import the wasm asks for still offered under its name.
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(dist, wasmFile))));
    const keys = [...new Set(imports.flatMap(({ module, name }) => [module, name]))];
    const unknown = keys.filter((key) => !keyPattern(key).test(glue));
    if (unknown.length) throw new Error(`postbuild: ${glueName} has no object key for the wasm imports ${unknown.join(', ')} (did wasm-bindgen change its output?)`);
    const lost = keys.filter((key) => !keyPattern(key).test(small));
    if (lost.length) throw new Error(`postbuild: minifying ${glueName} lost the wasm imports ${lost.join(', ')}`);
    writeWhole(join(dist, glueName), small);
    setIntegrity(glueName, small);
    noteSizes(glueName, glue, small);
  }
  // One style sheet: the sheets in the order index.html links them, in the first one's file (one request and
  // one compression stream instead of two: 315 B less), minified. The cascade keeps the links' order.
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"/]+\.css)"[^>]*>\s*/g)];
  if (sheets.length === 0) throw new Error('postbuild: no style sheet linked from dist/index.html (did Trunk change its output?)');
  const [first, ...others] = sheets.map(([, name]) => name);
  const css = sheets.map(([, name]) => readFileSync(join(dist, name), 'utf8')).join('\n');
  const minifiedCss = minifyCss(sheets.map(([, name]) => name).join(' + '), css);
  const sheet = gzipBytes(minifiedCss) < gzipBytes(css) ? minifiedCss : css;
  writeWhole(join(dist, first), sheet);
  setIntegrity(first, sheet);
  for (const [tag] of sheets.slice(1)) html = html.replace(tag, '');
  for (const name of others) rmSync(join(dist, name));
  noteSizes(`${[first, ...others].join(' + ')} -> ${first}`, css, sheet);
}

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

// A panic in the release wasm is a bare trap (scripts/build.sh builds with panic=immediate-abort, so no Rust
// panic hook runs): it reaches the page as an uncaught WebAssembly.RuntimeError, from an event handler, a
// timer or the start itself. The trapped module may be in any state (its stack or memory broken), so
// nothing calls back into it: the apology is the page's own markup (<template id="eligo-apology"> in
// index.html: "start again" and the violence-help numbers), with the texts the app wrote in the page
// language while it was well (data- attributes, src/panic_screen.rs). On a kiosk, the start screen comes
// back by itself after the idle delay.
const onTrap = `{
  let stopped = false;
  const onError = (error) => {
    if (stopped || !(error instanceof WebAssembly.RuntimeError)) return;
    stopped = true;
    console.error('Eligo stopped:', String(error));
    const root = document.documentElement;
    const template = document.getElementById('eligo-apology');
    const apology = template?.content.firstElementChild?.cloneNode(true);
    document.body.replaceChildren(...(apology ? [apology] : []));
    if (!apology) return;
    const texts = template.dataset;
    for (const [selector, key] of [['h1', 'title'], ['.apology-text', 'text'], ['a.restart', 'again'], ['h2', 'help']]) {
      const node = apology.querySelector(selector);
      if (node && texts[key]) node.textContent = texts[key];
    }
    if (texts.lang) { root.lang = texts.lang; root.dir = texts.dir || 'ltr'; }
    const query = new URLSearchParams(location.search);
    const restart = location.search.length > 1 ? './' + location.search : './';
    apology.querySelector('a.restart').href = restart;
    apology.querySelector('h1').focus();
    const kiosk = root.hasAttribute('data-kiosk') || ['1', 'true', 'yes', 'on', 'kiosk', ''].includes(query.get('kiosk')?.trim().toLowerCase());
    const idle = Number.parseInt(root.dataset.idle ?? query.get('idle') ?? '', 10);
    if (kiosk) setTimeout(() => location.replace(restart), (idle >= 2 && idle <= 3600 ? idle : 120) * 1000);
  };
  addEventListener('error', (event) => onError(event.error));
  addEventListener('unhandledrejection', (event) => onError(event.reason));
}
`;

// The QR code encoder, loaded by the app when a resident asks for a QR code (a dynamic import of the same
// origin: allowed by script-src 'self'). Its minified copy must export the same function and draw the same
// codes as the source (terser is trusted with no code that is not checked).
const qrSource = readFileSync(join(root, 'static/qr.js'), 'utf8');
const qrSmall = await minifyJs('static/qr.js', qrSource);
const qrCode = gzipBytes(qrSmall) < gzipBytes(qrSource) ? qrSmall : qrSource;
{
  const [before, after] = [await exportsOf(qrSource), await exportsOf(qrCode)];
  if (before !== 'qrPath:function' || after !== before) throw new Error(`postbuild: static/qr.js should export qrPath only: ${before}, minified ${after}`);
  const load = (code) => import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const [source, small] = [await load(qrSource), await load(qrCode)];
  for (const text of ['', 'https://aides.ville.fr/#t=chenove&a=rme,mutuelle&c=css', 'é'.repeat(150), 'x'.repeat(2331), 'x'.repeat(2332)]) {
    if (JSON.stringify(small.qrPath(text)) !== JSON.stringify(source.qrPath(text))) throw new Error('postbuild: the minified static/qr.js draws other codes than the source');
  }
  if (!source.qrPath('x'.repeat(2331))?.path || source.qrPath('x'.repeat(2332)) !== null) throw new Error('postbuild: static/qr.js does not draw as expected');
}
const qrName = `qr-${createHash('sha256').update(qrCode).digest('hex').slice(0, 16)}.js`;
writeWhole(join(dist, qrName), qrCode);
if (qrCode === qrSmall) noteSizes(qrName, qrSource, qrSmall);
const qrEntry = `globalThis.eligoQrPath = (text) => import('./${qrName}').then((module) => module.qrPath(text));\n`;

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  if (!/\*\s*as\s+bindings\b/.test(match[1])) throw new Error('postbuild: the start-up script no longer imports the glue as `bindings` (did Trunk change its output?)');
  const source = preloadPack + onTrap + qrEntry + match[1].trim() + '\n';
  const small = await minifyJs('the start-up script', source);
  const code = gzipBytes(small) < gzipBytes(source) ? small : source;
  if (!code.includes(`./${qrName}`) || !code.includes('eligoQrPath')) throw new Error('postbuild: the start-up script lost the QR code entry point');
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeWhole(join(dist, name), code);
  if (code === small) noteSizes(name, source, small);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
} else if (!/<script type="module" src="\.\/boot-/.test(html)) {
  throw new Error('postbuild: no start-up script found in dist/index.html (did Trunk change its output?)');
} else {
  const boot = html.match(/<script type="module" src="\.\/(boot-[0-9a-f]+\.js)"/)[1];
  if (!readFileSync(join(dist, boot), 'utf8').includes(qrName)) throw new Error(`postbuild: ${boot} does not load ${qrName} (static/qr.js changed since dist/ was finished: build again)`);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error('postbuild: an inline script is left in dist/index.html; the CSP would block it');
}

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
html = html.replace(/(<meta charset="utf-8">)/, `$1\n    ${meta}`);
if (!html.includes(meta)) throw new Error('postbuild: could not insert the CSP meta tag (no <meta charset="utf-8">?)');
// Every integrity attribute must match its file's bytes, or the browser refuses the file.
for (const [tag, file, algorithm, digest] of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="\.\/([^"]+)"[^>]*?\bintegrity="(sha\d+)-([^"]*)"[^>]*>/g)) {
  if (sri(readFileSync(join(dist, file)), algorithm) !== `${algorithm}-${digest}`) {
    throw new Error(`postbuild: the integrity attribute does not match ${file}: ${tag}`);
  }
}
writeWhole(indexPath, html);
console.log(`postbuild: start-up script moved out of index.html, CSP set (${policy.length} characters)`);
console.log(`postbuild: minified ${minified.length ? minified.join('; ') : 'nothing (already done)'}`);

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
writeWhole(join(dist, 'sw.js'), worker);
console.log(`postbuild: sw.js caches ${files.length} files as ${cacheName}`);
