// Taking results away: the QR code appears only when asked (its encoder is fetched then, not in the first
// load), decodes (jsQR, from the SVG's modules) to a link carrying the territory and aid ids only — no
// answer — whose page shows the same aids with their documents and places; the receipt printed holds the
// aids, not the answers. Without the encoder, the link is written out all the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeQr } from '../lib/qr.mjs';
import { openPage, screenshotPath, servedApp } from '../lib/harness.mjs';
import { answerAll, results, start } from '../lib/journey.mjs';
import { axeViolations } from '../lib/hosts.mjs';

const ANSWERS = {
  commune: 'chenove', age: 23, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true, student_resources: '300,00',
  study_zone: 'dijon', municipal_staff: false, household_size: 1, children_count: 0, receives: ['student_grant'],
  monthly_resources: '456,78', monthly_charges: '?', own_resources: true, housing: '?', disability: false,
  single_parent: '?',
};
// What the resident typed or chose: none of it may be in the link.
const ANSWER_VALUES = ['23', '456', '456,78', 'student', 'higher', 'dijon', 'student_grant', 'true', 'age', 'commune'];

const app = servedApp();
// No service worker, and the encoder's file unreachable (offline on a first visit, or a failed download).
const noEncoder = servedApp({ serviceWorkers: 'block' });
const ENCODER = /\/qr-[0-9a-f]{16}\.js$/;

test('the QR code opens the same aids on a phone, with no answer in it; the receipt prints the aids', async () => {
  const { page, record } = await openPage(app.context);
  await page.goto(app.origin + '/');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await start(page, 'chenove');
  await answerAll(page, ANSWERS);
  const shown = await results(page);
  const ask = Object.keys(shown).filter((id) => shown[id].group === 'ask');
  const check = Object.keys(shown).filter((id) => shown[id].group === 'check');
  assert.ok(ask.length > 0, 'some aids to ask for');

  assert.equal(await page.locator('svg.qr').count(), 0, 'no QR code until the resident asks');
  assert.equal(record.requests.filter((r) => ENCODER.test(r.url)).length, 0, 'nor its encoder');
  await page.locator('.take-away button[aria-controls="take-away-qr"]').click();
  const svg = page.locator('.qr-figure svg.qr');
  await svg.waitFor();
  assert.equal(record.requests.filter((r) => ENCODER.test(r.url)).length, 1, 'the encoder, fetched when asked');
  assert.equal(await page.locator('img[src^="data:"]').count(), 0, 'drawn as inline SVG, not a data: image');
  await svg.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('take-away-qr') });
  assert.deepEqual(await axeViolations(page), [], 'axe: results with the QR code');

  const link = await decodeQr(svg);
  assert.ok(link, 'the QR code decodes');
  assert.equal(await page.locator('.qr-link bdi').innerText(), link, 'the same address is written under the code');
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, app.origin + '/');
  assert.equal(url.search, '', 'no query');
  assert.match(url.hash, /^#t=chenove&a=[a-z0-9_,-]*(&c=[a-z0-9_,-]*)?$/, 'territory and aid ids only');
  const fragment = new URLSearchParams(url.hash.slice(1));
  assert.deepEqual(fragment.get('a').split(',').filter(Boolean).sort(), [...ask].sort());
  assert.deepEqual((fragment.get('c') ?? '').split(',').filter(Boolean).sort(), [...check].sort());
  const ids = new Set([...ask, ...check, 'chenove']);
  for (const token of url.hash.slice(1).split(/[&=,]/)) {
    assert.ok(ids.has(token) || ['t', 'a', 'c'].includes(token), `${token}: only keys and ids`);
  }
  const tokens = url.hash.slice(1).split(/[&=,]/);
  for (const value of ANSWER_VALUES) assert.ok(!tokens.includes(value), `the link does not carry "${value}"`);
  assert.doesNotMatch(url.hash, /\d{2,}|%|\s/, 'no number, no encoded text');

  // The receipt: printed alone, with the aids, without the answers.
  await page.evaluate(() => {
    window.print = () => {
      window.__receipt = {
        text: document.querySelector('.receipt')?.innerText ?? null,
        mode: document.documentElement.classList.contains('printing-receipt'),
      };
    };
  });
  await page.locator('.take-away .actions button').nth(1).click();
  await page.waitForFunction(() => window.__receipt !== undefined);
  const receipt = await page.evaluate(() => window.__receipt);
  assert.ok(receipt.mode, 'the receipt print mode is on while printing');
  assert.ok(receipt.text, 'the receipt is there while printing');
  for (const id of ask) {
    // A card names its aid in its h3, a service of the compact list in its <strong>.
    const name = await page.locator(`#aid-${id} :is(h3, strong)`).first().innerText();
    // The screen expands a glossary term on its first use ("France Services (un guichet public …)"); the
    // receipt names the aid alone.
    const bare = name.replace(/\s+\([^()]*\)$/, '');
    assert.ok(receipt.text.includes(name) || receipt.text.includes(bare), `the receipt names ${bare}`);
  }
  assert.doesNotMatch(receipt.text, /456/, 'no answer on the receipt');
  assert.equal(await page.locator('.receipt').count(), 0, 'gone after printing');
  assert.equal(await page.locator('html.printing-receipt').count(), 0);

  // The phone opens the link: the same aids, with documents and places.
  const phone = await app.context.newPage();
  await phone.goto(link);
  await phone.locator('main h1').waitFor({ timeout: 20_000 });
  const listed = async (group) =>
    phone.locator(`.shared-summary .group.${group} article.aid`).evaluateAll((els) => els.map((e) => e.dataset.aid));
  assert.deepEqual((await listed('ask')).sort(), [...ask].sort(), 'the same aids to ask for');
  assert.deepEqual((await listed('check')).sort(), [...check].sort(), 'the same aids to check');
  const withDocuments = await phone.locator('.shared-summary article.aid:has(ul li)').count();
  assert.ok(withDocuments > 0, 'documents listed');
  assert.ok((await phone.locator('.shared-summary .place').count()) > 0, 'places listed');
  await phone.screenshot({ path: screenshotPath('take-away-phone'), fullPage: true });
  assert.deepEqual(await axeViolations(phone), [], 'axe: the page of the link');

  // And from there, one's own check starts clean, without the fragment.
  await phone.locator('.shared-summary .actions button.primary').click();
  await phone.locator('section.start').waitFor();
  assert.equal(new URL(phone.url()).hash, '');
  await phone.close();
  assert.deepEqual(record.consoleErrors, []);
});

test('without its encoder (a failed download), the panel shows the link written out; opened again, it tries again', async () => {
  const { page, record } = await openPage(noEncoder.context);
  // The encoder's file answers slowly (to see the panel meanwhile), first not at all, then normally.
  let reachable = false;
  await noEncoder.context.route(ENCODER, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await (reachable ? route.continue() : route.abort('internetdisconnected'));
  });
  await page.goto(noEncoder.origin + '/');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await start(page, 'chenove');
  await answerAll(page, ANSWERS);
  await results(page);
  const toggle = page.locator('.take-away button[aria-controls="take-away-qr"]');
  const caption = page.locator('.qr-figure figcaption');
  const gone = () => page.waitForFunction(() => document.querySelector('.qr-wait') === null);

  // The receipt waits for the QR code, prints once for a double click, and without a code, the link.
  await page.evaluate(() => {
    window.__prints = [];
    window.print = () => window.__prints.push(document.querySelector('.receipt')?.innerText ?? null);
  });
  await page.locator('.take-away .actions button').nth(1).dblclick();
  await page.waitForFunction(() => window.__prints.length > 0);
  await page.waitForTimeout(500);
  const prints = await page.evaluate(() => window.__prints);
  assert.equal(prints.length, 1, 'printed once');
  assert.match(prints[0], new RegExp(`${noEncoder.origin}/#t=chenove&a=`), 'the receipt writes the link out');
  assert.equal(await page.locator('.receipt').count(), 0, 'gone after printing');

  await toggle.click();
  const waiting = await page.locator('.qr-figure .qr-wait').boundingBox();
  assert.ok(waiting.width > 100 && waiting.height === waiting.width, 'a square where the code will be');
  const captionWhileWaiting = await caption.boundingBox();
  await gone();
  assert.ok(record.requests.some((r) => ENCODER.test(r.url)), 'the encoder was asked for');
  assert.equal(await page.locator('svg.qr').count(), 0, 'no code');
  const link = new URL(await page.locator('.qr-figure .qr-link bdi').innerText());
  assert.match(link.hash, /^#t=chenove&a=/, 'the link, written out');
  assert.deepEqual(await axeViolations(page), [], 'axe: the panel without a code');
  await toggle.click();
  assert.equal(await page.locator('.qr-figure').count(), 0, 'the panel still closes');

  // Back online: opening the panel again draws the code, where the square was.
  reachable = true;
  await toggle.click();
  await page.locator('.qr-figure .qr-wait').waitFor();
  await gone();
  assert.deepEqual(await page.locator('.qr-figure svg.qr').boundingBox(), waiting, 'the code takes the square\'s place');
  assert.deepEqual(await caption.boundingBox(), captionWhileWaiting, 'the text below does not move');
  assert.equal(record.requests.filter((r) => ENCODER.test(r.url)).length, 3, 'asked for the receipt, the panel, the panel again');
  assert.deepEqual(record.consoleErrors.filter((e) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(e)), []);
});
