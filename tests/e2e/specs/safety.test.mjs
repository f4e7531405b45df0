// Safety: the domestic-violence orientation is one click away on every screen, without answering
// anything; "leave quickly" (button or Escape) blanks the app and replaces the page and its history
// entry with a neutral site. No request leaves before that click. Nothing is stored, nothing in the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { screenshotPath } from '../lib/harness.mjs';
import { act, answer, openApp, setUp, start, tearDown } from '../lib/journey.mjs';

const NEUTRAL = 'https://www.google.fr/';
let env;
before(async () => {
  env = await setUp();
});
after(async () => tearDown(env));

async function neutralSite(page) {
  await page.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Neutral</title>' }));
}

test('the safety panel opens from the start screen with emergency numbers as links', async () => {
  const { page, record } = await openApp(env);
  await act(page, () => page.locator('button.urgent').click());
  const panel = page.locator('section.safety');
  await panel.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus on the panel heading');
  const hrefs = await panel.locator('a.contact-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const number of ['tel:17', 'tel:3919', 'sms:114', 'tel:119']) {
    assert.ok(hrefs.includes(number), `${number} is offered (${hrefs.join(' ')})`);
  }
  await page.screenshot({ path: screenshotPath('safety-fr'), fullPage: true });
  await act(page, () => panel.locator('button.secondary').click());
  assert.ok(await page.locator('section.start').count(), 'closing returns to where the resident was');
  const foreign = record.requests.filter((r) => !r.url.startsWith(env.served.origin));
  assert.deepEqual(foreign, [], 'no request to another origin');
});

test('Escape in the middle of the questions blanks the app and replaces the page', async () => {
  const { page, record } = await openApp(env);
  await neutralSite(page);
  const historyBefore = await page.evaluate(() => history.length);
  await start(page, 'chenove');
  await answer(page, 'chenove');
  assert.equal(page.url(), env.served.origin + '/', 'nothing in the URL');
  const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
  assert.equal(stored, 0, 'nothing stored');
  assert.deepEqual(record.requests.filter((r) => !r.url.startsWith(env.served.origin)), []);
  await Promise.all([page.waitForURL(NEUTRAL), page.keyboard.press('Escape')]);
  assert.equal(await page.title(), 'Neutral');
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'the history entry was replaced, not added');
});

test('the leave-quickly button of the safety panel goes to the neutral site', async () => {
  const { page } = await openApp(env);
  await neutralSite(page);
  await act(page, () => page.locator('button.urgent').click());
  await Promise.all([page.waitForURL(NEUTRAL), page.locator('section.safety button.leave').click()]);
  assert.equal(await page.title(), 'Neutral');
});
