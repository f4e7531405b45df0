// The files not used yet (other languages and territories, the QR code encoder) are fetched by the service
// worker only when the page asks: on a returning visit, once idle, and not when the browser says the
// connection saves data (static/startup-template.js), and never the packs of a territory the page does not
// open (a city's site fixes its own). A first visit never fetches them (first-visit.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { cachedPaths, launch, openPage, serveDist, waitUntil } from '../lib/harness.mjs';
import { serveDistWithFixtures } from '../lib/hosts.mjs';

// Every pack file (each territory in each language) and every interface text file of a language fetched on
// demand, as the build wrote them: what a returning visit on a good connection keeps for offline use.
const LATER_FILES = readdirSync(new URL('../../../dist/packs/', import.meta.url)).filter((f) => /\.(pack|txt)$/.test(f));
const PACK_COUNT = LATER_FILES.filter((f) => f.endsWith('.pack')).length;
const TEXT_COUNT = LATER_FILES.length - PACK_COUNT;

const packsIn = (paths) => paths.filter((p) => p.endsWith('.pack')).length;
const textsIn = (paths) => paths.filter((p) => /\/ui-[^/]+\.txt$/.test(p)).length;
const isEncoder = (path) => /\/qr-[0-9a-f]{16}\.js$/.test(path);

// Waits until the service worker's caches hold what `done` (given their paths) asks for.
const untilCached = (page, done, what) => waitUntil(async () => done(await cachedPaths(page)), { timeout: 20_000, interval: 200, what });

async function returningVisit({ saveData, path = '/', fixtures = false }) {
  const log = [];
  const { server, origin } = fixtures ? await serveDistWithFixtures({ log }) : await serveDist(undefined, { log });
  const context = await launch();
  const close = async () => {
    await context.close();
    server.close();
  };
  try {
    if (saveData) {
      await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true, effectiveType: '4g' }) }));
    }
    const { page } = await openPage(context);
    await page.goto(origin + path);
    await page.locator('main h1').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    // A built-in pack is kept on first use, written while the page goes on. (A city's pack, fetched before
    // the worker was in control, is kept from the next visit on: it is not in the worker's list.)
    if (!fixtures) {
      await untilCached(page, (paths) => paths.some((p) => p.endsWith('.pack')), 'a pack kept on first use');
      const first = await cachedPaths(page);
      assert.equal(packsIn(first), 1, 'the first visit keeps the one pack it used');
    }
    await page.reload();
    await page.locator('main h1').waitFor({ timeout: 20_000 });
    return { page, log, close };
  } catch (error) {
    await close();
    throw error;
  }
}

test('a returning visit on a good connection fetches every file not used yet, once, when idle', async () => {
  const { page, log, close } = await returningVisit({ saveData: false });
  try {
    await untilCached(
      page,
      (paths) => packsIn(paths) === PACK_COUNT && textsIn(paths) === TEXT_COUNT && paths.some(isEncoder),
      'every pack, every text file and the encoder kept',
    );
    const sent = log.filter((e) => e.status === 200 && /\.pack$|\/ui-[^/]+\.txt$|\/qr-/.test(e.path)).map((e) => e.path);
    assert.equal(sent.length, new Set(sent).size, 'each file once');
    assert.ok(PACK_COUNT >= 18 && TEXT_COUNT >= 6, `the build's nine languages of two territories (${PACK_COUNT} packs, ${TEXT_COUNT} text files)`);
    assert.equal(sent.length, PACK_COUNT + TEXT_COUNT + 1, 'every pack file, the texts of every language fetched on demand and the QR encoder, each downloaded once in all');
  } finally {
    await close();
  }
});

test('a returning visit that saves data fetches nothing it does not use', async () => {
  const { page, log, close } = await returningVisit({ saveData: true });
  try {
    await page.waitForTimeout(3000);
    const paths = await cachedPaths(page);
    assert.equal(packsIn(paths), 1, 'still the one pack used');
    assert.ok(!log.some((e) => /\/qr-/.test(e.path)), 'no QR encoder');
  } finally {
    await close();
  }
});

test("a city's page (its territory fixed) fetches its own territory in every language when idle, never another's", async () => {
  const { page, log, close } = await returningVisit({ saveData: false, path: '/?territory=chenove' });
  const chenove = LATER_FILES.filter((f) => /^chenove-.*\.pack$/.test(f)).length;
  try {
    await untilCached(
      page,
      (paths) => paths.filter((p) => /\/chenove-[^/]+\.pack$/.test(p)).length === chenove && textsIn(paths) === TEXT_COUNT && paths.some(isEncoder),
      'every Chenôve pack, every text file and the encoder kept',
    );
    assert.ok(chenove >= 9, `Chenôve in the build's nine languages (${chenove} packs)`);
    // The worker fetches one file at a time, the encoder among them: a Besançon pack would have come by now.
    assert.deepEqual(log.filter((e) => /\/packs\/besancon-/.test(e.path)).map((e) => e.path), [], 'no Besançon pack downloaded');
    assert.deepEqual((await cachedPaths(page)).filter((p) => p.includes('/besancon-')), [], 'none kept');
  } finally {
    await close();
  }
});

test("a page on a city's own pack fetches the texts and the encoder when idle, and no built-in pack", async () => {
  const { page, log, close } = await returningVisit({ saveData: false, path: '/?pack=fixtures/city-pack.pack', fixtures: true });
  try {
    await untilCached(page, (paths) => textsIn(paths) === TEXT_COUNT && paths.some(isEncoder), 'every text file and the encoder kept');
    assert.deepEqual(log.filter((e) => /\/packs\/[^/]+\.pack$/.test(e.path)).map((e) => e.path), [], 'no built-in pack downloaded');
    assert.deepEqual((await cachedPaths(page)).filter((p) => p.endsWith('.pack')), ['/fixtures/city-pack.pack'], "only the city's pack kept");
  } finally {
    await close();
  }
});
