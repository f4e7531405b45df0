// The first visit downloads each file once (issue 16): on a cold visit (new profile, empty HTTP cache, no
// service worker) the server sends no content-hashed file twice, the page's own requests and the service
// worker's together (scripts/first-visit.mjs records every response the server sends); exactly one pack file
// comes, the one the app opens (so the start-up script's preload and the app agree: a wrong preload would be a
// second pack file); and the service worker's cache holds what the page used, taken from the HTTP cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadedTwice, recordFirstVisit } from '../../../scripts/first-visit.mjs';
import { DIST, cachedPaths } from '../lib/harness.mjs';
import { chooseLanguage, start } from '../lib/journey.mjs';

const packsOf = (log) => log.filter((e) => e.status === 200 && e.path.endsWith('.pack')).map((e) => e.path.match(/^\/packs\/([a-z0-9_]+-[a-z]+)-[0-9a-f]{16}\.pack$/)[1]);

for (const { path, locale, pack } of [
  { path: '/', locale: 'fr-FR', pack: 'besancon-fr' },
  { path: '/', locale: 'en-GB', pack: 'besancon-en' },
  { path: '/?territory=chenove&lang=ar', locale: 'fr-FR', pack: 'chenove-ar' },
  { path: '/?territory=chenove', locale: 'de-DE', pack: 'chenove-fr' },
]) {
  test(`a cold visit of ${path} (${locale}) downloads no file twice, and only the pack ${pack}`, async () => {
    const { log, inspected } = await recordFirstVisit({ dist: DIST, path, locale, untilQuiet: 2000, inspect: cachedPaths });
    assert.deepEqual(downloadedTwice(log), [], 'no content-hashed file downloaded twice');
    assert.deepEqual(packsOf(log), [pack], 'one pack file: the one the app opens');
    assert.ok(log.some((e) => e.path === '/sw.js' && e.status === 200), 'the service worker was installed');
    assert.ok(!log.some((e) => /\/qr-[0-9a-f]{16}\.js$/.test(e.path)), 'the QR code encoder waits until it is used');
    const cached = inspected;
    for (const { path: sent, status } of log) {
      if (status === 200 && sent !== '/' && sent !== '/sw.js') assert.ok(cached.includes(sent), `${sent} was kept by the service worker`);
    }
    assert.ok(cached.includes('/index.html'), 'the page is kept for offline use');
  });
}

test('a resident who picks another territory and language downloads each file once, and the worker keeps them', async () => {
  const { log, inspected } = await recordFirstVisit({
    dist: DIST,
    untilQuiet: 2000,
    visit: async (page) => {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
      await page.locator('#territory-chenove').check();
      await page.locator('main button.primary:not([disabled])').waitFor();
      await chooseLanguage(page, 'en');
      await start(page);
      await page.locator('section.question').waitFor();
    },
    inspect: cachedPaths,
  });
  assert.deepEqual(downloadedTwice(log), [], 'no content-hashed file downloaded twice');
  assert.deepEqual(packsOf(log).sort(), ['besancon-fr', 'chenove-en', 'chenove-fr']);
  for (const pack of ['besancon-fr', 'chenove-en', 'chenove-fr']) {
    assert.ok(inspected.some((path) => path.startsWith(`/packs/${pack}-`)), `${pack} kept for offline use`);
  }
  assert.ok(!inspected.some((path) => /\/packs\/besancon-(en|ar)-/.test(path)), 'nothing unused is kept');
});
