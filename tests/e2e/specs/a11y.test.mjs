// axe-core (WCAG 2.1 A and AA rules) on every screen: start, a question of each type, an input error,
// results (every group open), the print view, the safety panel, and the Arabic results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { screenshotPath } from '../lib/harness.mjs';
import { act, answer, currentQuestion, openApp, openDisclosures, setUp, start, tearDown, resultsDrawn } from '../lib/journey.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => tearDown(env));

async function expectNoViolation(page, screen) {
  // Open every <details> so that collapsed content is checked too.
  await openDisclosures(page);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${screen}`);
}

/** A journey that meets every question type the packs use (one-of, integer, yes/no, several-of, money). */
const FAMILY = {
  commune: 'chenove', age: 38, years_in_commune: 6, household_size: 4, children_count: 2,
  children_classes: ['cm1'], activity: 'employed', single_parent: true, monthly_resources: '1 800',
  monthly_charges: '700', receives: ['none'], own_resources: true, housing: '?', disability: false,
};

/** Answers questions from `answers` ('?' otherwise), checking the first question of each new kind. */
async function visitQuestions(page, answers, kinds, onError) {
  for (let i = 0; i < 40; i++) {
    const id = await currentQuestion(page);
    if (id === null) return;
    const kind = await page.locator('section.question').getAttribute('data-kind');
    if (!kinds.has(kind)) {
      kinds.add(kind);
      await expectNoViolation(page, `question ${id} (${kind})`);
    }
    if (onError && (kind === 'money' || kind === 'integer')) {
      await onError();
      onError = null;
    }
    await answer(page, id in answers ? answers[id] : '?');
  }
}

test('start, each question type, an input error, results, print view and safety have no axe violation', async () => {
  const { page } = await openApp(env);
  await expectNoViolation(page, 'start');
  await start(page, 'chenove');

  const kinds = new Set();
  let errorChecked = false;
  await visitQuestions(page, FAMILY, kinds, async () => {
    await page.locator('#q-input').fill('abc');
    await act(page, () => page.locator('section.question button[type="submit"]').click());
    await page.locator('#q-error').waitFor();
    await expectNoViolation(page, 'an input error');
    await page.screenshot({ path: screenshotPath('question-error-fr') });
    errorChecked = true;
  });
  assert.ok(errorChecked);

  await resultsDrawn(page);
  await expectNoViolation(page, 'results');
  await page.screenshot({ path: screenshotPath('results-family-fr'), fullPage: true });
  await act(page, () => page.locator('section.results .actions button.primary').click());
  await page.locator('section.print-view').waitFor();
  await expectNoViolation(page, 'print view');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: screenshotPath('print-fr'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await act(page, () => page.locator('button.urgent').click());
  await page.locator('section.safety').waitFor();
  await expectNoViolation(page, 'safety panel');

  // The Besançon pack asks yes/no questions that a Chenôve family is not asked.
  const second = await openApp(env);
  await start(second.page, 'besancon');
  await visitQuestions(second.page, { commune: 'besancon', age: 20 }, kinds);
  for (const kind of ['one_of', 'integer', 'yes_no', 'several_of', 'money']) {
    assert.ok(kinds.has(kind), `a ${kind} question was checked`);
  }
});

test('the Arabic results have no axe violation', async () => {
  const { page } = await openApp(env, { lang: 'ar' });
  await start(page, 'besancon');
  for (let i = 0; i < 3; i++) await answer(page, '?');
  await act(page, () => page.locator('button.results-now').click());
  // The whole screen: its lower part is drawn after the first screenful.
  await resultsDrawn(page);
  await expectNoViolation(page, 'Arabic results');
});

/** No horizontal scroll, and every control of the main area at least 44 px high. */
async function checkNarrow(page, screen) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, `no horizontal scroll on ${screen}`);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, .choice, input[type="text"], summary, a.contact-link')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el: el.outerHTML.slice(0, 60), h: el.getBoundingClientRect().height }))
      .filter((c) => c.h < 44),
  );
  assert.deepEqual(small, [], `touch targets of at least 44 px on ${screen}`);
}

test('at 320 px (or 200 % zoom of a 640 px window) nothing scrolls sideways and targets stay large', async () => {
  const { page } = await openApp(env);
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await checkNarrow(page, 'start');
    await start(page, 'chenove');
    await checkNarrow(page, 'a question');
    await visitQuestions(page, FAMILY, new Set());
    await resultsDrawn(page);
    await openDisclosures(page);
    await checkNarrow(page, 'results');
    await act(page, () => page.locator('button.urgent').click());
    await checkNarrow(page, 'safety');
  } finally {
    await page.setViewportSize({ width: 360, height: 740 });
  }
});
