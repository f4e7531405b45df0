// Helpers for resident journeys: start the app at a fixed date, answer the engine's questions by id
// (whatever order the engine picks), read the verdicts shown. Built on the shared harness.
import { launch, openPage, serveDist } from './harness.mjs';

/** The reference date of the journeys: inside the RME application window (1 Sept – 31 Dec). */
export const JOURNEY_DATE = new Date('2026-10-01T10:00:00');

/** Serves dist/ and opens Chromium (360×740 by default) with the clock fixed at JOURNEY_DATE. */
export async function setUp(options = {}) {
  const served = await serveDist();
  const context = await launch(options);
  await context.clock.setFixedTime(JOURNEY_DATE);
  return { served, context };
}

export async function tearDown({ served, context } = {}) {
  await context?.close();
  served?.server.close();
}

/** A fresh page on the start screen (language from the context's locale unless `lang` is given). */
export async function openApp({ served, context }, { lang } = {}) {
  const opened = await openPage(context);
  await opened.page.goto(served.origin + '/');
  await appInCharge(opened.page);
  await opened.page.locator('main h1').waitFor({ timeout: 20_000 });
  if (lang) await chooseLanguage(opened.page, lang);
  return opened;
}

/** Waits until the app has taken over the page from the start screen prerendered in index.html (issue 16:
 * a tap before that is noted and done when the app opens, a different path from the app's own). */
export async function appInCharge(page) {
  await page.waitForFunction(() => !document.querySelector('[data-static-help]'), null, { timeout: 20_000 });
}

/** Opens the language list where it is folded (every screen after the start screen) and returns the button of
 * `lang`. */
export async function languageButton(page, lang) {
  const menu = page.locator('details.language-menu');
  if ((await menu.count()) > 0 && (await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  return page.locator(`.languages button[lang="${lang}"]`);
}

/** Switches the interface to `lang` and waits until it is done: the app first shows the switch pending (one
 * step), fetches that language's texts, then switches (another step). */
export async function chooseLanguage(page, lang) {
  await (await languageButton(page, lang)).click();
  await page.waitForFunction(
    (code) => document.documentElement.lang === code && !document.querySelector('.languages [aria-busy]'),
    lang,
  );
}

/** The step counter the app bumps on every action (to wait for a re-render). */
export async function step(page) {
  return page.locator('main').getAttribute('data-step');
}

/** Runs `action` and waits until the app has handled it. */
export async function act(page, action) {
  const before = await step(page);
  await action();
  await page.waitForFunction((b) => document.querySelector('main')?.dataset.step !== b, before);
}

/** Chooses the territory on the start screen and starts. */
export async function start(page, territory) {
  const choice = page.locator(`#territory-${territory}`);
  if (territory && !(await choice.isChecked())) await act(page, () => choice.check());
  await act(page, () => page.locator('main button.primary').click());
}

/** The id of the question shown, or null. */
export async function currentQuestion(page) {
  const section = page.locator('section.question');
  return (await section.count()) ? section.getAttribute('data-question') : null;
}

/** Fills the question shown with `value` (true/false, text, option id, list of option ids, '?'). */
export async function fill(page, value) {
  if (value === '?' || value === 'decline') return;
  const kind = await page.locator('section.question').getAttribute('data-kind');
  if (kind === 'yes_no') await page.locator(value ? '#q-opt-yes' : '#q-opt-no').check();
  else if (kind === 'one_of') await page.locator(`#q-opt-${value}`).check();
  else if (kind === 'several_of') {
    for (const box of await page.locator('section.question input[type="checkbox"]').all()) {
      const id = (await box.getAttribute('id')).replace(/^q-opt-/, '');
      await box.setChecked(value.includes(id));
    }
  }
  else await page.locator('#q-input').fill(String(value));
}

/** Answers the question shown and waits for the next step ('?': "I don't know"; 'decline': "I prefer not to
 * answer"). */
export async function answer(page, value) {
  if (value !== 'decline') await fill(page, value);
  const button = { '?': 'button.dont-know', decline: 'button.decline' }[value] ?? 'section.question button[type="submit"]';
  await act(page, () => page.locator(button).click());
}

/**
 * Answers every question the engine asks from `answers` (by question id); at the first question
 * not in `answers`, asks for the results (those questions stay unanswered, as in the packs' cases).
 * Returns the ids asked, in order; `progress` receives the value of the progress bar at each question.
 */
export async function answerAll(page, answers, progress = []) {
  const asked = [];
  for (let i = 0; i < 60; i++) {
    const id = await currentQuestion(page);
    if (id === null) return asked;
    if (!(id in answers)) {
      await act(page, () => page.locator('button.results-now').click());
      return asked;
    }
    asked.push(id);
    progress.push(Number(await page.locator('.progress progress').getAttribute('value')));
    await answer(page, answers[id]);
    if ((await currentQuestion(page)) === id) throw new Error(`the answer to ${id} was refused`);
  }
  throw new Error('too many questions');
}

/**
 * Waits for the whole results screen. Its first screenful is painted first, the rest after it, a part per
 * task, the last being the sheet kept for printing (src/components/results.rs, Drawn): a test that counts
 * what is lower on the screen (cards past the first two, the answers, next steps) waits for this first.
 */
export async function resultsDrawn(page) {
  await page.locator('section.results .print-only').waitFor({ state: 'attached' });
}

/** Verdicts shown on the results screen: { aidId: { verdict, group } } (the aids probably not for the person
 * behind their disclosure, opened to read them). */
export async function results(page) {
  await resultsDrawn(page);
  await openDisclosures(page, 'section.results .group.not');
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('section.results [id^="aid-"]')].map((el) => [
        el.id.slice(4),
        { verdict: el.dataset.verdict, group: el.dataset.group },
      ]),
    ),
  );
}

/**
 * Opens every disclosure (`<details>`) under `scope`, and waits for their bodies: the results build a
 * disclosure's body when it first opens (issue 16), in the task after the opening.
 */
export async function openDisclosures(page, scope = 'body') {
  // Opened again at each poll: a screen still drawing its lower part (the results, after their first
  // screenful) may add disclosures meanwhile.
  await page.waitForFunction(
    (s) => [...document.querySelectorAll(`${s} details`)].every((d) => { d.open = true; return d.children.length > 1; }),
    scope,
    { timeout: 5_000 },
  );
}

/** Opens the disclosure of the card of `aid` (its conditions, papers, places and sources). */
export async function openCard(page, aid) {
  await openDisclosures(page, `#aid-${aid}`);
}

/** Texts of the list items under `selector` inside the card of `aid` (its disclosure opened). */
export async function cardList(page, aid, selector) {
  await openCard(page, aid);
  return page.locator(`#aid-${aid} ${selector} li`).allInnerTexts();
}

/**
 * Answers every question from `answers` (by id); any other question gets "I don't know" where it offers it;
 * at the first that does not, asks for the results. Returns the ids asked.
 */
export async function answerOrDontKnow(page, answers) {
  const asked = [];
  for (let i = 0; i < 60; i++) {
    const id = await currentQuestion(page);
    if (id === null) return asked;
    asked.push(id);
    if (id in answers) await answer(page, answers[id]);
    else if (await page.locator('section.question button.dont-know').count()) await answer(page, '?');
    else {
      await act(page, () => page.locator('button.results-now').click());
      return asked;
    }
    if ((await currentQuestion(page)) === id) throw new Error(`the answer to ${id} was refused`);
  }
  throw new Error('too many questions');
}

/** Horizontal overflow of the page at 200 % text size (px beyond the viewport; 0 when none). */
export async function overflowAt200(page) {
  return page.evaluate(async () => {
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = '200%';
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const over = root.scrollWidth - root.clientWidth;
    root.style.fontSize = before;
    return over;
  });
}
