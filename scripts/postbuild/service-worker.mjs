// Step "service worker", last, from the final files: sw.js from static/sw-template.js with a cache name
// versioned by the files' content and two lists, each file with its SHA-256: the first load's files (cached
// at install, from the HTTP cache the page has just filled) and the files used later (each pack file of
// build.rs's manifest and each language's interface texts, the QR code encoder: cached on first use, or when the page is idle on a returning
// visit). The worker script itself, the host-side embedding script and its example page are not the app's.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipBytes } from './bundle.mjs';
import { minifyJs } from './minify.mjs';
import { manifestFiles } from './packs.mjs';

const NOT_CACHED = new Set(['sw.js', 'embed.js', 'embed-example.html']);
// The staff pages (staff/NAME/ built by scripts/build-staff.sh into NAME.html, NAME/, NAME-boot-*.js) are not
// the resident's: never cached for them.
export const staffPages = (root) => (existsSync(join(root, 'staff')) ? readdirSync(join(root, 'staff')) : []);
export const isStaffFile = (pages, name) => pages.some((page) => name === `${page}.html` || name.startsWith(`${page}/`) || name.startsWith(`${page}-boot-`));

const listFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));

export async function writeServiceWorker(bundle) {
  const files = listFiles(bundle.dist)
    .map((path) => relative(bundle.dist, path).split(sep).join('/'))
    .filter((name) => !NOT_CACHED.has(name) && !name.startsWith('.') && !name.includes('/.'))
    .filter((name) => !isStaffFile(staffPages(bundle.root), name))
    .sort();
  const packFiles = new Set(manifestFiles(bundle.packs));
  const later = new Set([...packFiles, bundle.qrName, bundle.handoverName]);
  const strays = files.filter((name) => name.startsWith('packs/') && !packFiles.has(name));
  if (strays.length) throw new Error(`postbuild: dist/packs/ holds files the pack manifest does not list: ${strays.join(', ')} (build into a clean dist/)`);
  const sha256 = (name) => createHash('sha256').update(bundle.read(name)).digest('base64');
  const table = (names) => JSON.stringify(Object.fromEntries(names.map((name) => [`./${name}`, sha256(name)])), null, 2);

  const version = createHash('sha256');
  for (const name of files) version.update(name).update('\0').update(bundle.read(name));
  const cacheName = `eligo-${version.digest('hex').slice(0, 16)}`;
  const template = readFileSync(join(bundle.root, 'static/sw-template.js'), 'utf8');
  const worker = template
    .replace('__CACHE_NAME__', JSON.stringify(cacheName))
    .replace('__FIRST_LOAD__', table(files.filter((name) => !later.has(name))))
    .replace('__LATER__', table(files.filter((name) => later.has(name))));
  if (/__[A-Z_]+__/.test(worker)) throw new Error('postbuild: static/sw-template.js has a placeholder left');
  // Minified (it is part of the first visit), unless that would not shrink it; a classic script, not a module.
  const small = await minifyJs('sw.js', worker, { module: false });
  const code = gzipBytes(small) < gzipBytes(worker) ? small : worker;
  if (!code.includes(JSON.stringify(cacheName))) throw new Error('postbuild: minifying sw.js lost its cache name');
  bundle.write('sw.js', code);
  if (code === small) bundle.note('sw.js', worker, small);
  console.log(`postbuild: sw.js caches ${files.length - later.size} files at install and ${later.size} on use, as ${cacheName}`);
}
