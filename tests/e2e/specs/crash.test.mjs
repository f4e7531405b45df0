// A panic in the release build is a bare wasm trap (panic=immediate-abort, scripts/build.sh): no Rust hook runs,
// so the start-up script must catch it and show the apology. The trap here is a real one of the shipped module:
// an allocation it cannot make (wasm-bindgen's malloc export asked for ~4 GB aborts), from a timer and from a
// promise, the two ways a trap reaches the page uncaught.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedApp } from '../lib/harness.mjs';

const app = servedApp();

// Keeps the wasm's raw exports where the test can reach them (Trunk hands them to this event).
const KEEP_EXPORTS = () =>
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__eligoWasm = event.detail.wasm;
  });

for (const [how, trap] of [
  ['a timer', () => setTimeout(() => window.__eligoWasm.__wbindgen_malloc(0xfffffff0, 8))],
  ['a promise', () => void Promise.resolve().then(() => window.__eligoWasm.__wbindgen_malloc(0xfffffff0, 8))],
]) {
  test(`a trap from ${how} shows the apology in the page's language, with the answers gone`, async () => {
    const { page, record } = await openPage(app.context);
    await page.addInitScript(KEEP_EXPORTS);
    await page.goto(`${app.origin}/?lang=en`);
    await page.locator('main h1').waitFor({ timeout: 20_000 });
    const step = await page.locator('main').getAttribute('data-step');
    await page.locator('input[name="territory"]:not(:checked)').first().check();
    // An answer was given: the app moved on a step.
    await page.waitForFunction((before) => document.querySelector('main').dataset.step !== before, step);
    await page.evaluate(trap);

    const apology = page.locator('main.panic-screen');
    await apology.waitFor({ timeout: 5_000 });
    assert.equal(await apology.locator('h1').innerText(), 'Sorry, something went wrong.');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'the heading has the focus');
    assert.equal(await page.locator('input').count(), 0, 'no form is left with the answers');
    assert.equal(await apology.locator('a.restart').getAttribute('href'), './?lang=en', 'start again keeps the configuration');
    assert.ok(
      record.consoleErrors.some((message) => message.includes('Eligo stopped') && message.includes('RuntimeError')),
      `the trap is logged: ${JSON.stringify(record.consoleErrors)}`,
    );

    await apology.locator('a.restart').click();
    await page.locator('main:not(.panic-screen) h1').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('main').getAttribute('data-step'), step, 'the app starts afresh');
  });
}
