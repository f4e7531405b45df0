// A keyboard-only journey from the start screen to the results: no mouse, and after each step the
// focused element is asserted (the new question's heading, then the field, then Continue).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { currentQuestion, openApp, resultsDrawn, setUp, tearDown } from '../lib/journey.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => tearDown(env));

const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id, type: el?.getAttribute('type'), cls: el?.className ?? '' };
  });

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
async function tabTo(page, selector, max = 25) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`focus never reached ${selector}; it is on ${JSON.stringify(await focused(page))}`);
}

async function waitForStep(page, before) {
  await page.waitForFunction((b) => document.querySelector('main')?.dataset.step !== b, before);
}

const STUDENT = {
  commune: 'chenove', age: '20', years_in_commune: '3', activity: 'student', studies: 'higher', money_difficulties: 'no', has_bac: 'yes', student_resources: '300',
  study_zone: 'dijon', municipal_staff: 'no', household_size: '1', children_count: '0',
};

test('a student reaches the results with the keyboard only', async () => {
  const { page } = await openApp(env);
  await tabTo(page, '#territory-chenove, input[name="territory"]');
  // Arrow keys move within the radio group; stop on Chenôve.
  for (let i = 0; i < 4 && !(await page.locator('#territory-chenove').isChecked()); i++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.ok(await page.locator('#territory-chenove').isChecked());
  await tabTo(page, 'section.start button.primary');
  let step = await page.locator('main').getAttribute('data-step');
  await page.keyboard.press('Enter');
  await waitForStep(page, step);

  for (let i = 0; i < 40; i++) {
    const id = await currentQuestion(page);
    if (id === null) break;
    assert.equal((await focused(page)).id, 'q-label', `the heading of ${id} has the focus`);
    const kind = await page.locator('section.question').getAttribute('data-kind');
    const value = STUDENT[id];
    step = await page.locator('main').getAttribute('data-step');
    if (value === undefined) {
      await tabTo(page, 'button.dont-know');
      await page.keyboard.press('Enter');
    } else if (kind === 'integer' || kind === 'money' || kind === 'date') {
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'q-input');
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
    } else {
      await page.keyboard.press('Tab');
      const first = await focused(page);
      assert.equal(first.type, 'radio', `the first choice of ${id} has the focus`);
      await page.keyboard.press('Space');
      for (let k = 0; k < 10 && !(await page.locator(`#q-opt-${value}`).isChecked()); k++) {
        await page.keyboard.press('ArrowDown');
      }
      assert.ok(await page.locator(`#q-opt-${value}`).isChecked(), `${id} = ${value} chosen`);
      await page.keyboard.press('Tab');
      const next = await focused(page);
      assert.equal(next.type, 'submit', 'Tab leads from the choices to Continue');
      await page.keyboard.press('Enter');
    }
    await waitForStep(page, step);
  }
  await resultsDrawn(page);
  const heading = await focused(page);
  assert.equal(heading.tag, 'h1', 'the results heading has the focus');
  assert.ok(await page.locator('#aid-rme[data-verdict="to_confirm"]').count(), 'the RME is shown, to be confirmed');

  // Reach a "Change" button of the summary and open the question again.
  await tabTo(page, '#answer-age button', 200);
  step = await page.locator('main').getAttribute('data-step');
  await page.keyboard.press('Enter');
  await waitForStep(page, step);
  assert.equal(await currentQuestion(page), 'age');
  assert.equal((await focused(page)).id, 'q-label');
});
