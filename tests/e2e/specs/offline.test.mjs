// Offline use: the service worker keeps the app's first-load files at install and each pack file and the QR
// code encoder when the page first uses them (static/sw-template.js). After one visit that used Chenôve in
// French and in English and drew a QR code, with no network at all (and even with the server gone) the app
// reloads and a journey reaches the results, with its QR code, in both languages; a territory never opened
// says clearly that its rules could not be loaded and that the connection is needed. The cache holds static
// files only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedApp, waitInPage } from '../lib/harness.mjs';
import { answerAll, chooseLanguage, results, start } from '../lib/journey.mjs';

const app = servedApp();

const STUDENT = { commune: 'chenove', age: 20, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true, student_resources: '300,00' };

async function cachedUrls(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => request.url).sort();
    }
    return out;
  });
}

async function journeyWithQrCode(page) {
  await start(page);
  await answerAll(page, STUDENT);
  const shown = await results(page);
  assert.ok(Object.keys(shown).length > 3, 'results');
  await page.locator('.take-away button[aria-controls="take-away-qr"]').click();
  await page.locator('.qr-figure svg.qr path').waitFor();
}

test('the territory and languages used work offline; one never opened says it needs the connection', async () => {
  const { page, record } = await openPage(app.context);
  // The page of a town that serves Chenôve: used in French, then in English, with a QR code.
  await page.goto(app.origin + '/?territory=chenove');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
  await journeyWithQrCode(page);
  await chooseLanguage(page, 'en');
  // The files kept on first use are written while the page goes on: wait for the last one.
  await waitInPage(page, async () => {
    for (const name of await caches.keys()) {
      const urls = (await (await caches.open(name)).keys()).map((request) => request.url);
      if (urls.some((url) => /\/packs\/chenove-en-[0-9a-f]{16}\.pack$/.test(url))) return true;
    }
    return false;
  });

  const cached = await cachedUrls(page);
  const names = Object.keys(cached);
  assert.equal(names.length, 1, 'one cache');
  assert.match(names[0], /^eligo-[0-9a-f]{16}$/, 'a versioned cache name');
  const urls = cached[names[0]];
  assert.ok(urls.some((u) => u.endsWith('_bg.wasm')), 'the wasm is cached');
  assert.ok(urls.some((u) => u.endsWith('/index.html')), 'the page is cached');
  assert.ok(urls.some((u) => /\/qr-[0-9a-f]{16}\.js$/.test(u)), 'the QR code encoder is cached (it was used)');
  const packs = urls.filter((u) => u.endsWith('.pack')).map((u) => u.match(/\/packs\/([a-z]+-[a-z]+)-/)[1]);
  assert.deepEqual(packs.sort(), ['chenove-en', 'chenove-fr'], 'the packs used, and only those');
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
  await journeyWithQrCode(page);
  await page.goto(app.origin + '/?territory=chenove&lang=en');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await journeyWithQrCode(page);

  // The journeys added nothing to the cache.
  assert.deepEqual(await cachedUrls(page), cached, 'nothing about the answers is stored');

  // A territory never opened: its rules cannot come, and the page says so, in the page's language, with a way
  // to try again (never a blank page).
  await page.goto(app.origin + '/?territory=besancon&lang=en');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  assert.match(await page.locator('main h1').innerText(), /could not be loaded\. Check your Internet connection/);
  assert.equal(await page.locator('main button.primary').innerText(), 'Try again');
  await app.context.setOffline(false);
  assert.deepEqual(record.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Eligo: .*could not be fetched/.test(e)), []);
});
