// Issue 17: the languages fetched on demand (easy-read French, Turkish, Portuguese, Ukrainian, Dari,
// Russian): one journey each at 360×740 (screenshots in tests/e2e/artifacts/), axe on the start and results
// screens, Dari right to left like Arabic, the "to be reviewed" note and the French text behind one tap;
// then reading aloud with a stubbed speech synthesis: what is read, with the device's own voice only,
// hidden without one, and nothing read after "leave quickly".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, openPage, screenshotPath } from '../lib/harness.mjs';
import { JOURNEY_DATE, answerAll, appInCharge, chooseLanguage, openApp, openDisclosures, results, setUp, start, tearDown } from '../lib/journey.mjs';
import { aidName, aidSummary } from '../lib/packs.mjs';

const NEUTRAL = 'https://www.google.fr/';
const LANGUAGES = ['fr-x-falc', 'tr', 'pt', 'uk', 'fa-AF', 'ru'];
const STUDENT = {
  commune: 'chenove', age: 20, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true,
  student_resources: '300', study_zone: 'dijon', municipal_staff: false, household_size: 1, children_count: 0, receives: ['student_grant'],
  monthly_resources: '450', monthly_charges: '?', own_resources: true, housing: '?', disability: false, single_parent: '?',
};

let env;
before(async () => {
  env = await setUp();
});
after(async () => tearDown(env));

async function expectNoViolation(page, screen) {
  await openDisclosures(page);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${screen}`);
}

for (const lang of LANGUAGES) {
  test(`a journey in ${lang}: its texts fetched when chosen, to be reviewed, the French one tap away`, async () => {
    const { page, record } = await openApp(env);
    const before = record.requests.length;
    assert.ok(!record.requests.some((r) => r.url.includes(`-${lang}-`)), 'nothing of the language before it is chosen');
    const french = await page.locator('main h1').innerText();
    await chooseLanguage(page, lang);
    const fetched = record.requests.slice(before).map((r) => new URL(r.url).pathname);
    assert.ok(fetched.some((p) => p.startsWith(`/packs/ui-${lang}-`)), `its interface texts fetched: ${fetched}`);
    assert.ok(fetched.some((p) => new RegExp(`^/packs/[a-z_]+-${lang}-[0-9a-f]{16}\\.pack$`).test(p)), `its pack fetched: ${fetched}`);
    const rtl = lang === 'fa-AF';
    assert.equal(await page.locator('html').getAttribute('dir'), rtl ? 'rtl' : 'ltr');
    assert.notEqual(await page.locator('main h1').innerText(), french, 'the start screen is translated');
    assert.equal(await page.locator('header .to-review').count(), 1, 'the translation is said to be reviewed');
    if (rtl) {
      // Laid out like Arabic: "urgent help" on the right, "leave quickly" on the left, the heading on the right.
      const heading = await page.locator('main h1').boundingBox();
      assert.ok(heading.x + heading.width > 300, 'the heading hugs the right edge');
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scroll at 360 px');
    await page.screenshot({ path: screenshotPath(`start-${lang}`), fullPage: true });
    await expectNoViolation(page, `start in ${lang}`);

    await start(page, 'chenove');
    // After the start screen the nine languages fold behind one control naming the one in use.
    const menu = page.locator('details.language-menu');
    assert.equal(await menu.getAttribute('open'), null, 'the language list is folded on the questions');
    assert.equal(await page.locator('.languages button').first().isVisible(), false, 'its buttons are out of the way');
    assert.equal(await menu.locator(`summary [lang="${lang}"]`).count(), 1, 'the control names the language in use');
    const question = await page.locator('main h1').boundingBox();
    assert.ok(question.y < 280, `the question starts high on a 360 px screen (${Math.round(question.y)} px)`);
    await menu.locator('summary').click();
    assert.equal(await page.locator('.languages button:visible').count(), 9, 'opened, every language is offered');
    await menu.locator('summary').click();
    await page.screenshot({ path: screenshotPath(`question-${lang}`) });
    await answerAll(page, STUDENT);
    const shown = await results(page);
    assert.equal(shown.rme.verdict, 'to_confirm');
    const name = await page.locator('#aid-rme h3').innerText();
    assert.notEqual(name, aidName('chenove', 'rme', 'fr'), 'the aid name is translated');
    if (lang !== 'fr-x-falc') {
      assert.ok(name.includes('Revenu Minimum Étudiant'), `the French name stays beside the translation: ${name}`);
      const inFrench = page.locator('#aid-rme details.in-french');
      await inFrench.locator('summary').click();
      assert.equal(await inFrench.locator('p').first().innerText(), aidName('chenove', 'rme', 'fr'), 'the French text one tap away');
    }
    if (rtl) {
      const stripe = await page.locator('#aid-rme').evaluate((el) => getComputedStyle(el).borderRightWidth);
      assert.equal(stripe, '6px', 'the verdict stripe is on the start side, the right');
    }
    await page.screenshot({ path: screenshotPath(`results-${lang}`), fullPage: true });
    await expectNoViolation(page, `results in ${lang}`);
    assert.deepEqual(record.consoleErrors, []);
  });
}

/** A speech synthesis stub: a network voice and, when `local`, a device voice, for French; every reading and
 * every stop reported to the test through `__speech` (it survives leaving the page). */
function stubSpeech(local) {
  const voices = [{ name: 'Network French', lang: 'fr-FR', localService: false, voiceURI: 'net' }];
  if (local) voices.push({ name: 'Device French', lang: 'fr-FR', localService: true, voiceURI: 'local' });
  const synth = new EventTarget();
  synth.getVoices = () => voices;
  synth.speak = (u) => window.__speech({ event: 'speak', text: u.text, voice: u.voice?.name ?? null, local: u.voice?.localService ?? null });
  synth.cancel = () => window.__speech({ event: 'cancel' });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
    }
  };
}

async function openWithSpeech(local) {
  const context = await launch();
  await context.clock.setFixedTime(JOURNEY_DATE);
  const { page, record } = await openPage(context);
  const heard = [];
  await page.exposeFunction('__speech', (entry) => heard.push(entry));
  await page.addInitScript(stubSpeech, local);
  await page.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Neutral</title>' }));
  await page.goto(env.served.origin + '/');
  await appInCharge(page);
  return { page, record, heard };
}

test('"listen" reads a question and a result card with the device voice only, and stops on leave quickly', async () => {
  const { page, heard } = await openWithSpeech(true);
  await start(page, 'chenove');
  // The page sets a non-breaking space before "?" (no lone punctuation at a line start); the voice reads
  // the pack's text, with its plain space.
  const label = (await page.locator('#q-label').innerText()).replace(/\u00a0/g, ' ');
  await page.locator('section.question button.listen').click();
  const question = heard.find((h) => h.event === 'speak');
  assert.ok(question.text.startsWith(label), `the question is read: ${question.text}`);
  const help = (await page.locator('#q-help').count() ? await page.locator('#q-help').innerText() : '').replace(/\u00a0/g, ' ');
  assert.ok(question.text.includes(help), 'with its help');
  assert.equal(question.voice, 'Device French');
  assert.equal(question.local, true);

  await answerAll(page, STUDENT);
  await results(page);
  const cancelsBefore = heard.filter((h) => h.event === 'cancel').length;
  assert.ok(cancelsBefore >= 1, 'the question stopped being read when the screen changed');
  await page.locator('#aid-rme button.listen').click();
  const card = heard.filter((h) => h.event === 'speak').at(-1);
  assert.ok(card.text.startsWith(aidName('chenove', 'rme', 'fr')), `the card is read from its name: ${card.text}`);
  const verdict = (await page.locator('#aid-rme p.verdict').innerText()).replace(/\u00a0/g, ' ');
  assert.ok(card.text.includes(verdict), `then its verdict: ${card.text}`);
  // The summary as the pack writes it (on the card it may carry a glossary expansion, never read twice).
  assert.ok(card.text.includes(aidSummary('chenove', 'rme', 'fr')), `and what the aid is: ${card.text}`);
  assert.ok(heard.filter((h) => h.event === 'speak').every((h) => h.local === true), 'never a network voice');

  const spoken = heard.filter((h) => h.event === 'speak').length;
  await Promise.all([page.waitForURL(NEUTRAL), page.locator('header button.leave').click()]);
  const afterLeave = heard.slice(heard.findLastIndex((h) => h.event === 'cancel') + 1);
  assert.ok(heard.filter((h) => h.event === 'cancel').length > cancelsBefore, 'leaving stopped the reading');
  await page.waitForTimeout(500);
  assert.equal(heard.filter((h) => h.event === 'speak').length, spoken, 'nothing read after leave quickly');
  assert.deepEqual(afterLeave.filter((h) => h.event === 'speak'), []);
  await page.context().close();
});

test('no "listen" control when the device has only a network voice', async () => {
  const { page, heard } = await openWithSpeech(false);
  await start(page, 'chenove');
  await page.locator('#q-label').waitFor();
  assert.equal(await page.locator('button.listen').count(), 0);
  assert.deepEqual(heard.filter((h) => h.event === 'speak'), []);
  await page.context().close();
});
