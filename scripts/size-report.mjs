// Prints raw, gzip -9 and brotli (quality 11) bytes for every file of dist/ and in total, and fails when the
// gzip total of the first load exceeds the budget in size-budget.json. The first load counts the pack of the
// default territory (`default_pack` in the budget file, else the first by id) in its heaviest language, not the
// other packs or languages: the app fetches only the pack of the territory in use, in the interface language.
//
//   node scripts/size-report.mjs [--dist dist] [--budget BYTES]   (--budget overrides the file, e.g. to test the gate)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = new URL('..', import.meta.url).pathname;
const dist = option('dist') ?? join(root, 'dist');
const budgetFile = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8'));
const budget = Number(option('budget') ?? budgetFile.first_load_gzip_max_bytes);
// Names, or patterns where `*` stands for a content hash (`qr-*.js`).
const notFirstLoad = (budgetFile.not_first_load ?? []).map((name) => new RegExp(`^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`));

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

// packs/<id>-<lang>-<hash>.pack: one file per territory and language (build.rs).
const PACK = /^packs\/([a-z0-9_]+)-([a-z]{2,3})-[0-9a-f]{16}\.pack$/;
const packIds = [...files(dist)].map((path) => relative(dist, path).split('\\').join('/').match(PACK)?.[1]).filter(Boolean).sort();
const defaultPack = budgetFile.default_pack ?? packIds[0];
if (budgetFile.default_pack && !packIds.includes(defaultPack)) {
  console.error(`size report: the default pack ${defaultPack} (size-budget.json) is not in ${dist}/packs/`);
  process.exit(2);
}

const rows = [];
for (const path of files(dist)) {
  const bytes = readFileSync(path);
  const name = relative(dist, path).split('\\').join('/');
  const pack = name.match(PACK);
  rows.push({
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    firstLoad: !notFirstLoad.some((pattern) => pattern.test(name)) && /\.(html|js|wasm|css|svg)$/.test(name),
    defaultPack: pack?.[1] === defaultPack,
  });
}
// A resident downloads the default territory's pack in one language: count the heaviest of them.
const heaviest = rows.filter((row) => row.defaultPack).sort((a, b) => b.gzip - a.gzip)[0];
if (heaviest) heaviest.firstLoad = true;
if (rows.length === 0) {
  console.error(`size report: ${dist} is empty: build the release bundle first (bash scripts/build.sh)`);
  process.exit(2);
}

const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
const width = Math.max(...rows.map((row) => row.name.length), 'first load total'.length);
const line = (name, raw, gzip, brotli, mark = '') =>
  console.log(`${name.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}  ${String(brotli).padStart(9)}  ${mark}`);
line('file', 'raw', 'gzip -9', 'brotli', 'first load');
for (const row of rows) line(row.name, row.raw, row.gzip, row.brotli, row.firstLoad ? 'yes' : '');
const first = rows.filter((row) => row.firstLoad);
line('total', sum(rows, 'raw'), sum(rows, 'gzip'), sum(rows, 'brotli'));
line('first load total', sum(first, 'raw'), sum(first, 'gzip'), sum(first, 'brotli'));

const firstGzip = sum(first, 'gzip');
if (firstGzip > budget) {
  console.error(`size report: FAIL: first load is ${firstGzip} B gzip, over the budget of ${budget} B${option("budget") ? " (--budget)" : " (size-budget.json)"}`);
  process.exit(1);
}
console.log(`size report: OK: first load ${firstGzip} B gzip, within the budget of ${budget} B (${budget - firstGzip} B to spare)`);
