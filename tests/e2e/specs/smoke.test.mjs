import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, serveDist, screenshotPath } from '../lib/harness.mjs';

let served;
let context;

before(async () => {
  served = await serveDist();
  context = await launch();
});

after(async () => {
  await context?.close();
  served?.server.close();
});

test('the release build loads, renders the app, logs no error and asks no other origin', async () => {
  const { page, record } = await openPage(context);
  await page.goto(served.origin + '/');
  const heading = page.locator('main h1');
  await heading.waitFor({ timeout: 20_000 });
  assert.match(await heading.innerText(), /\S/, 'the app renders a heading');
  assert.equal(await page.title(), 'Aides locales', 'a neutral page title');
  await page.screenshot({ path: screenshotPath('smoke-start-fr') });
  assert.deepEqual(record.consoleErrors, [], 'no console error');
  const foreign = record.requests.filter((request) => !request.url.startsWith(served.origin + '/'));
  assert.deepEqual(foreign, [], 'no request to another origin');
});
