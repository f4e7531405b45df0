// The first visit as the network sees it: a cold visit (a new Chromium profile: empty HTTP cache, no service
// worker) of the release build served by scripts/serve-dist.mjs, which records every response it sends, the
// service worker's included, with its bytes on the wire (status line, headers and body as sent). Used by the
// size report (the figure and its budget) and by tests/e2e/specs/first-visit.test.mjs (no file twice).
//
// The server sends one content coding per response; the total in the other is computed from the same
// responses (the same headers, the body in the other coding), so one visit gives both figures.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { startServer } from './serve-dist.mjs';

const root = new URL('..', import.meta.url).pathname;
// Chromium as the tests start it (tests/e2e/lib/chromium.mjs, with the tests' playwright-core).
const loadChromium = async () => {
  try {
    createRequire(join(root, 'tests/e2e/package.json')).resolve('playwright-core');
  } catch {
    throw new Error('first visit: playwright-core is missing from tests/e2e/node_modules (run bash scripts/setup.sh)');
  }
  return import('../tests/e2e/lib/chromium.mjs');
};

/** The files whose names carry a content hash (never downloaded twice). */
export const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

/**
 * Opens `path` (default `/`) in a fresh profile and records every response for `seconds` (30), or, with
 * `untilQuiet`, until the service worker controls the page and nothing was sent for `untilQuiet` ms (a test's
 * shortcut; the size report always waits the whole window). `visit(page)` may act on the page once it shows
 * its first heading, and `inspect(page)` at the end, whose result is returned. Returns `{ log, inspected }` (log
 * entries: see serve-dist.mjs), the responses sent in the window.
 */
export async function recordFirstVisit({ dist = join(root, 'dist'), path = '/', seconds = 30, untilQuiet, locale = 'fr-FR', visit, inspect } = {}) {
  const { launchFresh } = await loadChromium();
  const log = [];
  const server = await startServer({ dir: dist, port: 0, quiet: true, log });
  const context = await launchFresh({ locale });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const origin = `http://127.0.0.1:${server.address().port}`;
    const start = Date.now();
    const deadline = start + seconds * 1000;
    await page.goto(origin + path);
    await page.locator('main h1').waitFor({ timeout: 30_000 });
    if (visit) await visit(page);
    if (untilQuiet) {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
      let seen = -1;
      while (seen !== log.length && Date.now() < deadline) {
        seen = log.length;
        await new Promise((resolve) => setTimeout(resolve, untilQuiet));
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));
    }
    const inspected = inspect ? await inspect(page) : undefined;
    return { log: log.filter((entry) => entry.at <= deadline), inspected };
  } finally {
    await context.close();
    server.close();
  }
}

/** Sizes of every file of dist/ in each coding the server may send (the body of a 200). */
function bodySizes(dist) {
  const cache = new Map();
  return (path) => {
    if (!cache.has(path)) {
      let bytes;
      try {
        bytes = readFileSync(join(dist, decodeURIComponent(path === '/' ? '/index.html' : path)));
      } catch {
        bytes = Buffer.alloc(0);
      }
      cache.set(path, {
        identity: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        br: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
      });
    }
    return cache.get(path);
  };
}

/** Totals of a visit's log in gzip and in brotli: `{ gzip, brotli, requests, downloads }`. */
export function firstVisitTotals(log, dist = join(root, 'dist')) {
  const sizes = bodySizes(dist);
  const total = (coding) =>
    log.reduce((sum, entry) => {
      if (entry.status !== 200 || entry.encoding === 'identity') return sum + entry.bytes;
      const size = sizes(entry.path);
      return sum + entry.bytes - size[entry.encoding] + size[coding];
    }, 0);
  return { gzip: total('gzip'), brotli: total('br'), requests: log.length, downloads: log.filter((entry) => entry.status === 200).length };
}

/** The hashed files the server sent in full more than once: `[[path, times]]`. */
export function downloadedTwice(log) {
  const counts = new Map();
  for (const { path, status } of log) if (status === 200 && HASHED.test(path)) counts.set(path, (counts.get(path) ?? 0) + 1);
  return [...counts].filter(([, times]) => times > 1);
}
