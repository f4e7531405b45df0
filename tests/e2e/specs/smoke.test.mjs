import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshotPath, servedApp } from '../lib/harness.mjs';

const app = servedApp();

test('the release build loads, renders the app, logs no error and asks no other origin', async () => {
  const { page, record } = await openPage(app.context);
  await page.goto(app.origin + '/');
  const heading = page.locator('main h1');
  await heading.waitFor({ timeout: 20_000 });
  assert.match(await heading.innerText(), /\S/, 'the app renders a heading');
  assert.equal(await page.title(), 'Aides locales', 'a neutral page title');
  await page.screenshot({ path: screenshotPath('smoke-start-fr') });
  assert.deepEqual(record.consoleErrors, [], 'no console error');
  const foreign = record.requests.filter((request) => !request.url.startsWith(app.origin + '/'));
  assert.deepEqual(foreign, [], 'no request to another origin');
});

test('view=results opens the results screen with no answer (the page the Lighthouse audit measures)', async () => {
  const { page, record } = await openPage(app.context);
  for (const query of ['?view=results', '?territory=chenove&view=results']) {
    await page.goto(`${app.origin}/${query}`);
    await page.locator('section.results').waitFor({ timeout: 20_000 });
    assert.ok((await page.locator('section.results [id^="aid-"]').count()) > 0, `${query}: aids are listed`);
    assert.equal(await page.locator('button.results-now').count(), 0, `${query}: not a question screen`);
    // The first screenful comes first, the rest right after (one long task split in two): then the whole
    // screen, every aid that fits in a card (as many as the heading counts), down to the next steps.
    await page.locator('section.results .print-only').waitFor({ state: 'attached', timeout: 5_000 });
    const heading = await page.locator('#group-for-you').innerText();
    const counted = Number(heading.match(/\d+/)?.[0] ?? 0);
    assert.ok(counted > 0, `${query}: the heading counts the aids (${heading})`);
    assert.equal(await page.locator('section.results :is(.for-you, .more) article.aid').count(), counted, `${query}: every aid counted is drawn`);
    assert.ok((await page.locator('section.results [id^="aid-"]').count()) >= counted, `${query}: services and refused aids too`);
    assert.equal(await page.locator('section.results > .actions').count(), 2, `${query}: "prepare my visit" and "start again"`);
  }
  await page.goto(`${app.origin}/?kiosk=1&view=results`);
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('section.results').count(), 0, 'a kiosk always opens on the start screen');
  assert.deepEqual(record.consoleErrors, [], 'no console error');
});
