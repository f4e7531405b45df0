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
