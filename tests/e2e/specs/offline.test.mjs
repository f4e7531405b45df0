// Offline use: after one visit, the service worker has the app's static files; with no network (and even
// with the server gone) the app reloads and a journey reaches the results, with its QR code. The cache holds
// static files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedApp } from '../lib/harness.mjs';
import { answerAll, results, start } from '../lib/journey.mjs';

const app = servedApp();

async function cachedUrls(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => request.url);
    }
    return out;
  });
}

test('after one visit, the app reloads with no network and a journey completes', async () => {
  const { page, record } = await openPage(app.context);
  await page.goto(app.origin + '/');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });

  const cached = await cachedUrls(page);
  const names = Object.keys(cached);
  assert.equal(names.length, 1, 'one cache');
  assert.match(names[0], /^eligo-[0-9a-f]{16}$/, 'a versioned cache name');
  const urls = cached[names[0]];
  assert.ok(urls.some((u) => u.endsWith('_bg.wasm')), 'the wasm is cached');
  for (const territory of ['chenove', 'besancon']) {
    for (const lang of ['fr', 'en', 'ar']) {
      assert.ok(urls.some((u) => new RegExp(`/packs/${territory}-${lang}-[0-9a-f]+\\.pack$`).test(u)), `the ${territory} pack in ${lang} is cached`);
    }
  }
  assert.ok(urls.some((u) => u.endsWith('/index.html')), 'the page is cached');
  assert.ok(urls.some((u) => /\/qr-[0-9a-f]{16}\.js$/.test(u)), 'the QR code encoder is cached (loaded on demand)');
  for (const url of urls) {
    assert.ok(url.startsWith(app.origin + '/'), `${url}: same origin`);
    assert.equal(new URL(url).search, '', `${url}: a static file, no query`);
  }

  // No network at all: the browser is offline and the server is gone.
  await app.context.setOffline(true);
  app.server.closeAllConnections();
  app.server.close();
  await page.reload();
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await start(page, 'chenove');
  await answerAll(page, { commune: 'chenove', age: 20, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true, student_resources: '300,00' });
  const shown = await results(page);
  assert.ok(Object.keys(shown).length > 3, 'results offline');
  await page.locator('.take-away button[aria-controls="take-away-qr"]').click();
  await page.locator('.qr-figure svg.qr path').waitFor();

  // The journey added nothing to the cache.
  assert.deepEqual(await cachedUrls(page), cached, 'nothing about the answers is stored');

  // A page address with settings works offline too (the cached page, whatever the query).
  await page.goto(app.origin + '/?territory=besancon&lang=en');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await app.context.setOffline(false);
  assert.deepEqual(record.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
});
