// Arabic: chosen from the browser language, laid out right to left (dir on <html>, layout mirrored),
// pack texts in Arabic; switching language keeps the answers. Screenshots in French and Arabic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshotPath } from '../lib/harness.mjs';
import { act, answer, answerAll, currentQuestion, openApp, openCard, results, setUp, start, tearDown, chooseLanguage, languageButton, resultsDrawn } from '../lib/journey.mjs';
import { aidName } from '../lib/packs.mjs';

let env;
before(async () => {
  env = await setUp({ locale: 'ar-MA' });
});
after(async () => tearDown(env));

test('an Arabic browser gets the Arabic interface, right to left', async () => {
  const { page, record } = await openApp(env);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('main h1').innerText(), 'ما هي المساعدات التي يمكنك طلبها؟');
  // Mirrored layout: "urgent help" starts the header on the right, "leave quickly" ends it on the left, on one
  // row even on a 360 px phone (the help's label wraps within its half rather than pushing "leave quickly" down).
  const urgent = await page.locator('header .urgent').boundingBox();
  const leave = await page.locator('header .leave').boundingBox();
  assert.ok(leave.y < urgent.y + urgent.height && urgent.y < leave.y + leave.height, 'one row for both');
  assert.ok(urgent.x > leave.x + leave.width, 'the header starts on the right');
  const heading = await page.locator('main h1').boundingBox();
  assert.ok(heading.x + heading.width > 300, 'the heading hugs the right edge');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no horizontal scroll at 360 px');
  await page.screenshot({ path: screenshotPath('start-ar'), fullPage: true });

  await start(page, 'chenove');
  await page.screenshot({ path: screenshotPath('question-ar') });
  await answerAll(page, {
    commune: 'chenove', age: 20, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true, student_resources: '300,00',
    study_zone: 'dijon', municipal_staff: false, household_size: 1, children_count: 0, receives: ['student_grant'],
    monthly_resources: '450,00', monthly_charges: '?', own_resources: true, housing: '?', disability: false,
    single_parent: '?',
  });
  const shown = await results(page);
  assert.equal(shown.rme.verdict, 'to_confirm');
  assert.equal(await page.locator('#aid-rme h3').innerText(), aidName('chenove', 'rme', 'ar'));
  assert.equal(await page.locator('section.results h1').innerText(), 'نتائجك');
  const card = await page.locator('#aid-rme').evaluate((el) => getComputedStyle(el).borderRightWidth);
  assert.equal(card, '6px', 'the verdict stripe is on the start side, the right');
  await page.screenshot({ path: screenshotPath('results-ar'), fullPage: true });
  await openCard(page, 'rme');
  const sourceLang = await page.locator('#aid-rme .source a').first().getAttribute('lang');
  assert.equal(sourceLang, 'fr', 'untranslated source titles are marked as French');

  await act(page, () => page.locator('section.results .actions button.primary').click());
  await page.locator('section.print-view').waitFor();
  await page.screenshot({ path: screenshotPath('print-ar'), fullPage: true });
  await act(page, () => page.locator('button.urgent').click());
  await page.locator('section.safety').waitFor();
  await page.screenshot({ path: screenshotPath('safety-ar'), fullPage: true });
  assert.deepEqual(record.consoleErrors, []);
});

test('switching language keeps the answers and flips the direction', async () => {
  const { page } = await openApp(env);
  await start(page, 'chenove');
  await answer(page, '?');
  const asked = await currentQuestion(page);
  await chooseLanguage(page, 'fr');
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  assert.equal(await currentQuestion(page), asked, 'same question after the switch');
  await page.screenshot({ path: screenshotPath('question-fr') });
  await act(page, () => page.locator('button.results-now').click());
  assert.equal(await page.locator('section.results h1').innerText(), 'Vos résultats');
  await resultsDrawn(page);
  await page.screenshot({ path: screenshotPath('results-fr'), fullPage: true });
  assert.equal(await page.locator('section.answers .answer').count(), 1, 'the answer given in Arabic is kept');
  await chooseLanguage(page, 'ar');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('section.results h1').innerText(), 'نتائجك');
});

test('on a slow network, the chosen language shows it is coming until its texts arrive', async () => {
  // Its own browser, without the service worker: it would answer from its cache, never from the slow network.
  const context = await launch({ locale: 'fr-FR', serviceWorkers: 'block' });
  try {
    const { page } = await openApp({ served: env.served, context });
    await start(page, 'chenove');
    // The English texts of the pack come only when the test lets them.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/packs/chenove-en-*.pack', async (route) => {
      await held;
      await route.continue();
    });
    await (await languageButton(page, 'en')).click();
    // Chosen after the start screen, the list folds at once: its control says the switch is busy, and so
    // does the chosen button, hidden in the folded list.
    await page.locator('details.language-menu > summary[aria-busy="true"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('.languages button[lang="en"][aria-busy="true"]').count(), 1);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr', 'still French while the texts come');
    assert.equal((await page.locator('[role=status]').innerText()).trim(), 'Loading…', 'the wait is announced');
    release();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5_000 });
    assert.equal(await page.locator('.languages [aria-busy], .language-menu [aria-busy]').count(), 0, 'nothing left pending');
    assert.equal((await page.locator('[role=status]').innerText()).trim(), '', 'the wait is no longer announced');
  } finally {
    await context.close();
  }
});
