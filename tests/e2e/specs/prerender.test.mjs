// Issue 16, the start screen before the wasm: index.html carries the start screen rendered at build time by the
// app's own view (tools/prerender). With the wasm held back, the page already shows it with its help
// ("Violences : être aidé·e" to the numbers, "Quitter vite"); once the wasm runs, the app draws the same screen
// over it (the prerendered nodes replaced, not duplicated, nothing moving), and a tap made before the app ran
// is answered at once (the control shows it is getting ready) and done when the app opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist } from '../lib/harness.mjs';
import { after, before } from 'node:test';

let served;
before(async () => {
  served = await serveDist();
});
after(() => served?.server.close());

const TITLE_FR = 'Quelles aides pouvez-vous demander ?';

/** A fresh browser whose page holds every .wasm response until `release()`; layout shifts are recorded. */
async function heldPage(options = {}) {
  const context = await launch(options);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return { context, page, errors, release };
}

const appInCharge = (page) => page.waitForFunction(() => !document.querySelector('[data-static-help]') && window.wasmBindings, null, { timeout: 20_000 });
const box = (page, selector) => page.locator(selector).evaluate((e) => JSON.stringify(e.getBoundingClientRect()));

test('before the wasm: the prerendered start screen with its help; then the app takes it over in place', async () => {
  const { context, page, errors, release } = await heldPage();
  await page.goto(served.origin + '/');
  const heading = page.locator('section.start h1');
  await heading.waitFor();
  assert.equal(await heading.innerText(), TITLE_FR);
  assert.equal(await page.evaluate(() => window.wasmBindings), undefined, 'the wasm is held back');
  assert.ok(await page.locator('.site-header .leave').isVisible(), '"Quitter vite" is there');
  assert.ok(await page.locator('#territory-besancon').isChecked(), 'the first territory is chosen, as the app does');
  // Where things are before the app: the same after it (no layout shift when the app draws over it).
  const before = [await box(page, 'section.start h1'), await box(page, 'section.start button.primary'), await box(page, '.site-header')];
  await page.locator('section.start h1').evaluate((e) => (e.dataset.mark = 'prerendered'));

  release();
  await appInCharge(page);
  assert.equal(await page.locator('section.start').count(), 1, 'one start screen, not two');
  assert.equal(await page.locator('header.site-header').count(), 1);
  assert.equal(await page.locator('#main').count(), 1);
  assert.equal(await page.locator('[data-mark]').count(), 0, 'the prerendered nodes were replaced by the app\'s');
  assert.equal(await heading.innerText(), TITLE_FR);
  const afterwards = [await box(page, 'section.start h1'), await box(page, 'section.start button.primary'), await box(page, '.site-header')];
  assert.deepEqual(afterwards, before, 'nothing moved');
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift');
  // The app works: "Commencer" leads to the first question.
  await page.locator('section.start button.primary').click();
  await page.locator('section.question').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('before the wasm: "Violences : être aidé·e" shows the numbers, and the app opens its help panel when it runs', async () => {
  const { context, page, release } = await heldPage();
  await page.goto(served.origin + '/');
  await page.locator('section.start h1').waitFor();
  await page.locator('.site-header .urgent').click();
  assert.ok(await page.locator('#help-numbers a[href="tel:3919"]').isVisible(), 'the 3919 is shown at once');
  release();
  await appInCharge(page);
  await page.locator('section.safety h1').waitFor();
  assert.ok(await page.locator('section.safety a[href^="tel:"]').first().isVisible());
  await context.close();
});

test('before the wasm: a territory and "Commencer" tapped are answered at once and done when the app runs', async () => {
  const { context, page, release } = await heldPage();
  await page.goto(served.origin + '/');
  await page.locator('section.start h1').waitFor();
  await page.locator('#territory-chenove').check();
  await page.locator('section.start button.primary').click();
  assert.ok(await page.locator('section.start button.primary').isDisabled(), 'the button shows it is getting ready');
  assert.equal(await page.locator('section.start [role="status"]').innerText(), 'Chargement…');
  release();
  await appInCharge(page);
  await page.locator('section.question').waitFor();
  // Back to the start screen: the territory tapped before the app ran is the one in use.
  await page.locator('section.question button.back').click();
  await page.locator('section.start').waitFor();
  assert.ok(await page.locator('#territory-chenove').isChecked(), 'Chenôve, as tapped');
  await context.close();
});

test('before the wasm: a language tapped shows it is coming, and the app opens in it', async () => {
  const { context, page, release } = await heldPage();
  await page.goto(served.origin + '/');
  await page.locator('section.start h1').waitFor();
  const arabic = page.locator('.languages button[lang="ar"]');
  await arabic.click();
  assert.equal(await arabic.getAttribute('aria-busy'), 'true');
  release();
  await appInCharge(page);
  await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
  assert.notEqual(await page.locator('section.start h1').innerText(), TITLE_FR);
  assert.equal(await arabic.getAttribute('aria-pressed'), 'true');
  await context.close();
});

test('a browser in English sees no French start screen: the page waits for the app in English, help in reach', async () => {
  const { context, page, release } = await heldPage({ locale: 'en-GB' });
  await page.goto(served.origin + '/');
  await page.locator('main.loading[aria-busy="true"]').waitFor();
  assert.equal(await page.locator('section.start').count(), 0, 'no French start screen to be replaced');
  assert.ok(await page.locator('#help-numbers a[href="tel:3919"]').isVisible());
  assert.ok(await page.locator('.site-header .leave').isVisible());
  assert.equal(await page.locator('.languages [aria-pressed="true"]').count(), 0, 'no language shown as the one in use');
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'the header did not move');
  release();
  await appInCharge(page);
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('section.start h1'));
  assert.equal(await page.locator('section.start').count(), 1);
  await context.close();
});

test('a page that fixes its territory shows no territory choice before the app either', async () => {
  const { context, page, release } = await heldPage();
  await page.goto(served.origin + '/?territory=chenove');
  await page.locator('section.start h1').waitFor();
  assert.equal(await page.locator('fieldset.choices').count(), 0);
  const before = await box(page, 'section.start button.primary');
  release();
  await appInCharge(page);
  assert.equal(await page.locator('fieldset.choices').count(), 0);
  assert.equal(await box(page, 'section.start button.primary'), before, 'nothing moved');
  await context.close();
});
