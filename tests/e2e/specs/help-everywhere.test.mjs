// Issue 14, "help that never hides": "Violences : être aidé·e" (to the 3919) and "Quitter vite" (and Escape)
// are in reach on every screen: before the wasm runs (the prerendered start screen's help, issue 16), while the
// pack loads, when it
// failed to load, on a take-away link's page and on the visit sheet; none scrolls sideways at 200 % text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { act, answerOrDontKnow, openApp, overflowAt200, setUp, start, tearDown, resultsDrawn } from '../lib/journey.mjs';
import { launch } from '../lib/harness.mjs';

const NEUTRAL = 'https://www.google.fr/';
let env;
before(async () => {
  env = await setUp();
});
after(async () => tearDown(env));

/** A page in a browser of its own (a fresh profile: no service worker serves the packs behind the test's
 * routes), the neutral site answered locally. */
async function freshPage() {
  const context = await launch();
  const fresh = context.pages()[0] ?? (await context.newPage());
  await fresh.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Neutral</title>' }));
  fresh.close = async () => context.close();
  return { page: fresh };
}

/** The 3919 is reached from the "violence: get help" control of a screen without the session's header (a
 * link), or of the start screen prerendered in the page before the app runs (its button shows the page's
 * numbers until the app does). */
async function reaches3919(page) {
  const urgent = page.locator('.site-header .urgent');
  assert.match(await urgent.innerText(), /Violences\s?: être aidé·e/);
  await urgent.click();
  const link = page.locator('#help-numbers a[href="tel:3919"]');
  assert.ok(await link.isVisible(), 'the 3919 is shown');
  assert.ok(await page.locator('.leave').isVisible(), '"Quitter vite" is shown');
  assert.equal(await overflowAt200(page), 0, 'no sideways scrolling at 200 % text');
  // A loading screen is a passing status (aria-busy), not a page with a title of its own: no level-one
  // heading there (the app's first heading is the start screen's, which the tests wait for).
  const loading = await page.locator('main.loading').count();
  const axe = new AxeBuilder({ page });
  if (loading) axe.disableRules(['page-has-heading-one']);
  const violations = (await axe.analyze()).violations.map((v) => `${v.id}: ${v.help}`);
  assert.deepEqual(violations, []);
}

async function escapeLeaves(page) {
  await Promise.all([page.waitForURL(NEUTRAL), page.keyboard.press('Escape')]);
  assert.equal(await page.title(), 'Neutral');
}

test('before the wasm runs, the page\'s own help works: 3919, "Quitter vite" and Escape', async () => {
  const { page } = await freshPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue().catch(() => {}); });
  await page.goto(env.served.origin + '/');
  await page.locator('section.start h1').waitFor();
  assert.ok(await page.locator('[data-static-help]').count(), 'the app has not taken over');
  await reaches3919(page);
  await Promise.all([page.waitForURL(NEUTRAL), page.locator('.site-header .leave').click()]);
  assert.equal(await page.title(), 'Neutral');
  release();
  await page.close();
});

test('while the pack loads: 3919, "Quitter vite" and Escape', async () => {
  const { page } = await freshPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/packs/*.pack', async (route) => { await held; await route.continue().catch(() => {}); });
  // On the results address: the app takes over the page at once and waits for the pack (on the start
  // address, the prerendered start screen stays until the pack is there).
  await page.goto(env.served.origin + '/?view=results');
  await page.locator('main.loading[aria-busy="true"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-static-help]'));
  await reaches3919(page);
  await escapeLeaves(page);
  release();
  await page.close();
});

test('when the pack failed to load: 3919, "Quitter vite" and Escape', async () => {
  const { page } = await freshPage();
  await page.route('**/packs/*.pack', (route) => route.abort('internetdisconnected'));
  await page.goto(env.served.origin + '/');
  await page.waitForFunction(() => !document.querySelector('[data-static-help]'), null, { timeout: 20_000 });
  await page.locator('main button.primary').waitFor({ timeout: 20_000 });
  await reaches3919(page);
  await escapeLeaves(page);
  await page.close();
});

test('on a take-away link\'s page: 3919, "Quitter vite" and Escape', async () => {
  const { page } = await freshPage();
  await page.goto(env.served.origin + '/#t=chenove&a=rme,la_fabrique');
  await page.locator('.shared-summary h1').waitFor({ timeout: 20_000 });
  await reaches3919(page);
  await escapeLeaves(page);
  await page.close();
});

test('on the visit sheet: the safety panel (3919), "Quitter vite" and Escape; printing it prints no control', async () => {
  const { page } = await openApp(env);
  await page.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Neutral</title>' }));
  await start(page, 'chenove');
  await answerOrDontKnow(page, { commune: 'chenove', age: 68, activity: 'retired', household_size: 1 });
  await resultsDrawn(page);
  // The browser's print of the results prints the visit sheet only.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({
    sheet: getComputedStyle(document.querySelector('section.results > .print-only')).display,
    cards: getComputedStyle(document.querySelector('section.results > .for-you')).display,
    answers: document.querySelector('section.results > .answers') ? getComputedStyle(document.querySelector('section.results > .answers')).display : 'none',
    header: getComputedStyle(document.querySelector('header.site-header')).display,
  }));
  assert.deepEqual(printed, { sheet: 'block', cards: 'none', answers: 'none', header: 'none' });
  await page.emulateMedia({ media: 'screen' });

  await act(page, () => page.locator('button.prepare-visit').click());
  await page.locator('section.print-view').waitFor();
  assert.ok(await page.locator('header .leave').isVisible(), '"Quitter vite" on the visit sheet');
  assert.equal(await overflowAt200(page), 0, 'no sideways scrolling at 200 % text');
  await act(page, () => page.locator('button.urgent').click());
  assert.ok(await page.locator('section.safety a[href="tel:3919"]').isVisible(), 'the 3919 from the visit sheet');
  await escapeLeaves(page);
  await page.close();
});
