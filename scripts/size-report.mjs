// Prints raw, gzip -9 and brotli (quality 11) bytes for every file of dist/ and in total, and fails when the
// gzip total of the first load exceeds the budget in size-budget.json. The first load counts the pack of the
// default territory (`default_pack` in the budget file, else the first by id) in its heaviest language, not the
// other packs or languages: the app fetches only the pack of the territory in use, in the interface language.
//
// Then the first visit as the network sees it (scripts/first-visit.mjs): every byte the server sent in the first
// 30 s of a cold visit in Chromium, page and service worker, headers included, in gzip and in brotli. It fails
// over its budgets (size-budget.json: bytes in each coding, and at most `first_visit_max_ratio` times the first
// load in the same coding). The visit's responses are written to reports/first-visit.json.
//
//   node scripts/size-report.mjs [--dist dist] [--budget BYTES] [--first-visit-budget BYTES] [--from-log FILE]
//   --budget, --first-visit-budget: override the file's gzip budgets (to test the gates);
//   --from-log FILE: the first visit from a saved log instead of a new visit (no browser: the gate test).
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { downloadedTwice, firstVisitTotals, recordFirstVisit } from './first-visit.mjs';
import { isStaffFile, staffPages } from './postbuild/service-worker.mjs';

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

// packs/<id>-<lang>-<hash>.pack: one file per territory and language (build.rs); packs/ui-<lang>-<hash>.txt:
// the interface texts of a language fetched on demand, only when a resident chooses it (issue 17).
const LANG = '[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*';
const PACK = new RegExp(`^packs/([a-z0-9_]+)-(${LANG})-[0-9a-f]{16}\\.pack$`);
const UI = new RegExp(`^packs/ui-(${LANG})-[0-9a-f]{16}\\.txt$`);
const names = [...files(dist)].map((path) => relative(dist, path).split('\\').join('/'));
const packIds = names.map((name) => name.match(PACK)?.[1]).filter(Boolean).sort();
const onDemand = new Set(names.map((name) => name.match(UI)?.[1]).filter(Boolean));
const defaultPack = budgetFile.default_pack ?? packIds[0];
if (budgetFile.default_pack && !packIds.includes(defaultPack)) {
  console.error(`size report: the default pack ${defaultPack} (size-budget.json) is not in ${dist}/packs/`);
  process.exit(2);
}

// The staff pages (staff/NAME/, scripts/build-staff.sh): separate bundles, listed apart, never in the first load.
const staff = staffPages(root);
const staffRows = [];
const rows = [];
for (const path of files(dist)) {
  const bytes = readFileSync(path);
  const name = relative(dist, path).split('\\').join('/');
  if (isStaffFile(staff, name)) {
    staffRows.push({ page: staff.find((page) => isStaffFile([page], name)), name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length });
    continue;
  }
  const pack = name.match(PACK);
  rows.push({
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    firstLoad: !notFirstLoad.some((pattern) => pattern.test(name)) && /\.(html|js|wasm|css|svg)$/.test(name),
    defaultPack: pack?.[1] === defaultPack && !onDemand.has(pack[2]),
    pack: pack && { id: pack[1], lang: pack[2] },
    ui: name.match(UI)?.[1],
  });
}
// A resident downloads the default territory's pack in one language: count the heaviest of them (of the
// languages compiled into the app: one fetched on demand arrives only when chosen, see below).
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
for (const page of staff) {
  const own = staffRows.filter((row) => row.page === page);
  if (!own.length) continue;
  console.log(`\nstaff page ${page}.html (a separate bundle: not in the first load, never fetched by the resident pages):`);
  for (const row of own) line(row.name, row.raw, row.gzip, row.brotli);
  line(`${page} total`, sum(own, 'raw'), sum(own, 'gzip'), sum(own, 'brotli'));
}


// Each language: its pack file per territory and, for a language fetched on demand, its interface texts
// (gzip -9), what choosing it downloads.
const languages = [...new Set(rows.filter((row) => row.pack).map((row) => row.pack.lang))];
const ids = [...new Set(packIds)];
console.log(`\nby language (gzip -9): ${ids.map((id) => `pack ${id}`).join(', ')}, interface texts; * fetched only when chosen`);
for (const lang of languages) {
  const packs = ids.map((id) => rows.find((row) => row.pack?.id === id && row.pack.lang === lang)?.gzip ?? '-');
  const ui = rows.find((row) => row.ui === lang)?.gzip;
  console.log(`  ${(lang + (onDemand.has(lang) ? ' *' : '')).padEnd(12)} ${packs.map((b) => String(b).padStart(7)).join(' ')} ${String(ui ?? 'built in').padStart(9)}`);
}
console.log('');
const firstGzip = sum(first, 'gzip');
const firstBrotli = sum(first, 'brotli');
if (firstGzip > budget) {
  console.error(`size report: FAIL: first load is ${firstGzip} B gzip, over the budget of ${budget} B${option("budget") ? " (--budget)" : " (size-budget.json)"}`);
  process.exit(1);
}
console.log(`size report: OK: first load ${firstGzip} B gzip, within the budget of ${budget} B (${budget - firstGzip} B to spare)`);

// The first visit, as the network sees it.
const fromLog = option('from-log');
const log = fromLog
  ? JSON.parse(readFileSync(fromLog, 'utf8')).log
  : (await recordFirstVisit({ dist, seconds: budgetFile.first_visit_seconds ?? 30 })).log;
if (!fromLog) {
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports/first-visit.json'), `${JSON.stringify({ comment: 'Responses sent in the first visit (scripts/first-visit.mjs)', log }, null, 1)}\n`);
}
const visit = firstVisitTotals(log, dist);
const ratio = budgetFile.first_visit_max_ratio ?? 1.1;
console.log(`\nfirst visit (${log.length} responses in ${budgetFile.first_visit_seconds ?? 30} s, headers included${fromLog ? `, from ${fromLog}` : ''}):`);
for (const entry of log) console.log(`  ${String(entry.status)} ${entry.path.padEnd(width)} ${String(entry.bytes).padStart(9)} ${entry.encoding}`);
console.log(`first visit total: ${visit.gzip} B gzip (${(visit.gzip / firstGzip).toFixed(3)} x the first load), ${visit.brotli} B brotli (${(visit.brotli / firstBrotli).toFixed(3)} x)`);
const failures = [];
const twice = downloadedTwice(log);
if (twice.length) failures.push(`files downloaded twice: ${twice.map(([path, times]) => `${path} (${times}x)`).join(', ')}`);
const visitBudgets = {
  gzip: Number(option('first-visit-budget') ?? budgetFile.first_visit_gzip_max_bytes),
  brotli: Number(budgetFile.first_visit_brotli_max_bytes),
};
for (const [coding, limit] of Object.entries(visitBudgets)) {
  if (!(visit[coding] <= limit)) failures.push(`${visit[coding]} B ${coding}, over the budget of ${limit} B`);
}
for (const [coding, load] of [['gzip', firstGzip], ['brotli', firstBrotli]]) {
  if (visit[coding] > load * ratio) failures.push(`${visit[coding]} B ${coding}, over ${ratio} x the first load (${load} B)`);
}
if (failures.length) {
  console.error(`size report: FAIL: first visit: ${failures.join('; ')}`);
  process.exit(1);
}
console.log(
  `size report: OK: first visit ${visit.gzip} B gzip and ${visit.brotli} B brotli, within the budgets of ${visitBudgets.gzip} and ${visitBudgets.brotli} B and ${ratio} x the first load`,
);
