// Issue 19, the app's side: settings and links that cannot be turned against the resident, and a crash that
// never leaves a blank page.
// - `?share-url=` in the address bar changes neither the take-away link nor its QR code (only the page's
//   <html data-share-url> sets it).
// - A city pack with a `javascript:` link (the built demo pack patched in place, as the engine's test
//   `a_built_city_pack_patched_with_a_javascript_link_is_refused` does) is refused by the app's reader: a
//   clear note, the built-in packs, and no such link anywhere in the page.
// - With an allow-list of embedders (<html data-host-origins>), a framing page from another origin gets no
//   height message; one from an allowed origin does (so the test can fail).
// - A real trap of the shipped module (its malloc asked for ~4 GB, as in crash.test.mjs) shows the page's
//   own apology with the violence-help numbers, drawn without the wasm; on a kiosk the start screen comes
//   back by itself after the idle delay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeQr } from '../lib/qr.mjs';
import { DIST, launch, openPage, serveDist } from '../lib/harness.mjs';
import { examplePage, serveDistWithFixtures, servePages } from '../lib/hosts.mjs';
import { answerAll, results, start } from '../lib/journey.mjs';

let served;
let context;
const extra = [];

/** A copy of dist/ whose index.html has these attributes on <html> (a webmaster's settings). */
async function serveDistWith(attributes) {
  const dir = mkdtempSync(join(tmpdir(), 'eligo-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/<html\b/, `<html ${attributes}`));
  const server = await serveDist(dir);
  extra.push(server.server);
  return server;
}

before(async () => {
  served = await serveDistWithFixtures();
  context = await launch({ viewport: { width: 800, height: 900 } });
});

after(async () => {
  await context?.close();
  served?.server.close();
  for (const s of extra) s.close();
});

/** The take-away link written out and the one the QR code carries, after a short journey. */
async function takeAway(page) {
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await start(page, 'chenove');
  await answerAll(page, { commune: 'chenove', age: 20 });
  await results(page);
  await page.locator('.take-away button[aria-controls="take-away-qr"]').click();
  const svg = page.locator('.qr-figure svg.qr');
  await svg.waitFor();
  return { written: await page.locator('.qr-link bdi').innerText(), coded: await decodeQr(svg) };
}

test('?share-url= in the address bar changes neither the take-away link nor its QR code', async () => {
  const { page } = await openPage(context);
  await page.goto(`${served.origin}/?share-url=${encodeURIComponent('https://evil.example/collect')}`);
  const { written, coded } = await takeAway(page);
  assert.equal(coded, written, 'the QR code carries the link written under it');
  assert.doesNotMatch(written, /evil/);
  assert.equal(new URL(written).origin, served.origin, 'the page\'s own address');

  // The page's own setting is the way (and the test sees a change when there is one).
  const own = await serveDistWith('data-share-url="https://aides.ville.example/"');
  const { page: other } = await openPage(context);
  await other.goto(`${own.origin}/?share-url=${encodeURIComponent('https://evil.example/collect')}`);
  const set = await takeAway(other);
  assert.match(set.written, /^https:\/\/aides\.ville\.example\/#t=chenove/);
  assert.equal(set.coded, set.written);
});

test('a city pack with a javascript: link is refused by the app\'s reader: a clear note, no such link', async () => {
  const { page, record } = await openPage(context);
  await page.goto(`${served.origin}/?pack=fixtures/bad-link.pack`);
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  const note = page.locator('.webmaster-note');
  await note.waitFor();
  assert.match(await note.innerText(), /bad-link\.pack: .*javascript:alert\(1\)\/\//);
  assert.equal(await page.locator('#territory-chenove').count(), 1, 'the built-in packs instead');
  await start(page, 'chenove');
  await answerAll(page, { commune: 'chenove', age: 20 });
  await results(page);
  const schemes = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.protocol));
  assert.ok(schemes.length > 0);
  for (const scheme of schemes) assert.ok(['https:', 'http:', 'mailto:', 'tel:', 'sms:'].includes(scheme), scheme);
  assert.ok(!record.consoleErrors.some((e) => /RuntimeError/.test(e)), JSON.stringify(record.consoleErrors));
});

for (const [who, allowed] of [['an allowed origin', true], ['an origin not in the allow-list', false]]) {
  test(`with an allow-list of embedders, a framing page from ${who} ${allowed ? 'gets' : 'gets no'} height message`, async () => {
    const pages = {};
    const host = await servePages(pages);
    extra.push(host.server);
    const widget = await serveDistWith(`data-host-origins="${allowed ? host.origin : 'https://www.ville.example'}"`);
    pages['/'] = { body: examplePage(widget.origin) };
    const { page } = await openPage(context);
    await page.goto(host.origin + '/');
    await page.frameLocator('iframe[data-eligo]').locator('main h1').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1_000);
    const height = await page.locator('iframe[data-eligo]').getAttribute('data-eligo-height');
    if (allowed) assert.notEqual(height, null, 'the allowed host is told the height');
    else assert.equal(height, null, 'no message reached the page');
  });
}

// Keeps the wasm's raw exports where the test can reach them (Trunk hands them to this event).
const KEEP_EXPORTS = () =>
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__eligoWasm = event.detail.wasm;
  });

test('after a trap, the page\'s own apology with the violence-help numbers; a kiosk comes back by itself', async () => {
  const { page, record } = await openPage(context);
  await page.addInitScript(KEEP_EXPORTS);
  await page.goto(`${served.origin}/?kiosk=1&idle=3`);
  await page.locator('section.start').waitFor({ timeout: 20_000 });
  await page.locator('input[name="territory"]:not(:checked)').first().check();
  await page.evaluate(() => setTimeout(() => window.__eligoWasm.__wbindgen_malloc(0xfffffff0, 8)));
  const apology = page.locator('main.panic-screen');
  await apology.waitFor({ timeout: 5_000 });
  assert.equal(await apology.locator('h1').innerText(), 'Désolé, un problème est survenu.');
  const numbers = await apology.locator('.contacts a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(numbers, ['tel:3919', 'tel:17', 'sms:114']);
  assert.equal(await page.locator('input').count(), 0, 'no form is left with the answers');
  assert.ok(record.consoleErrors.some((m) => m.includes('Eligo stopped') && m.includes('RuntimeError')));
  // The kiosk's idle delay (3 s here), then the start screen, by itself.
  await page.locator('main:not(.panic-screen) section.start').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
});
