// Eligo Studio (studio.html), as a CCAS staff member uses it: open Chenôve, give the RME Dijon minimum a new
// value from 2027-09-01 with the form, see the TOML keep its comments and the case it affects fail, fix the
// case, read the board preview, download the packs, and load the downloaded pack as a city's pack in the
// resident app, where the new amount shows for a journey after 2027-09-01. Then: mistakes typed into the
// editor all shown at their lines; the app's own views in the preview; axe; the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, buildPack, launch, openPage, screenshotPath, serveDist } from '../lib/harness.mjs';
import { axeViolations } from '../lib/hosts.mjs';
import { act, answerAll, results } from '../lib/journey.mjs';

const NEW_VALUE = { value: '450', from: '2027-09-01', source: 'Délibération du conseil d’administration du CCAS du 20 juin 2027' };
// A student in Chenôve for 4 years, studying in Dijon on 300 € a month (with the questions other aids ask).
const STUDENT = {
  commune: 'chenove', age: 21, years_in_commune: 4, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true,
  study_zone: 'dijon', student_resources: 300, municipal_staff: false, household_size: 1, children_count: 0, receives: ['student_grant'],
  monthly_resources: '300', monthly_charges: '?', own_resources: true, housing: '?', disability: false, single_parent: '?',
};
const AFFECTED = 'RME : la même étudiante en octobre 2027';

let served;
let context;

before(async () => {
  served = await serveDist();
  context = await launch({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});

after(async () => {
  await context?.close();
  served?.server.close();
});

async function openStudio() {
  const opened = await openPage(context);
  await opened.page.goto(`${served.origin}/studio.html`);
  // The studio's wasm (the whole engine, opt-level 3) compiles on the first load: slow on a loaded machine.
  await opened.page.locator('h1').waitFor({ timeout: 60_000 });
  return opened;
}

async function openChenove(page) {
  await page.locator('#studio-built-in').selectOption('chenove');
  await page.locator('#studio-open-built-in').click();
  await page.locator('#tab-review[aria-current="page"]').waitFor();
}

/** The whole text of the editor (CodeMirror draws only the lines in view). */
const editorText = (page) => page.evaluate(() => window.eligoEditor.viewOf(document.querySelector('.editor')).state.doc.toString());

/** Replaces `from` by `to` in the editor's text, as typing would (the change goes through the editor). */
async function replaceInEditor(page, from, to) {
  await page.evaluate(([from, to]) => {
    const view = window.eligoEditor.viewOf(document.querySelector('.editor'));
    const at = view.state.doc.toString().indexOf(from);
    if (at < 0) throw new Error(`not in the editor: ${from}`);
    view.dispatch({ changes: { from: at, to: at + from.length, insert: to } });
  }, [from, to]);
}

async function tab(page, id) {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`#tab-${id}[aria-current="page"]`).waitFor();
}

test('a new RME minimum, from the form to the resident app', async () => {
  const { page, record } = await openStudio();
  await openChenove(page);
  const review = await page.locator('.review-list').innerText();
  assert.match(review, /lieu "ccas_chenove", champ address\) : pas d'adresse/, 'the studio opens on what to review');
  await page.screenshot({ path: screenshotPath('studio-review'), fullPage: true });

  // The form writes the new value into the TOML, comments and layout intact.
  await tab(page, 'edit');
  const before = await editorText(page);
  await page.locator('#form-parameter').selectOption('rme_minimum_dijon');
  await page.locator('#form-value').fill(NEW_VALUE.value);
  await page.locator('#form-from').fill(NEW_VALUE.from);
  await page.locator('#form-source').fill(NEW_VALUE.source);
  await page.locator('#form-apply').click();
  await page.locator('.studio-form .note.ok').waitFor();
  await page.waitForFunction((b) => window.eligoEditor.viewOf(document.querySelector('.editor')).state.doc.toString() !== b, before);
  const after = await editorText(page);
  assert.match(after, /from = 2027-09-01/, 'the new value is in the TOML');
  assert.ok(after.includes(NEW_VALUE.source), 'with its source');
  for (const comment of before.split('\n').filter((l) => l.startsWith('#'))) assert.ok(after.includes(comment), `comment kept: ${comment}`);
  const removed = before.split('\n').filter((l) => !l.includes('rme_minimum_dijon') && !after.includes(l));
  assert.ok(removed.length <= 1, `only the parameter's values line changes: ${removed.join('\n')}`);
  await page.screenshot({ path: screenshotPath('studio-edit'), fullPage: true });

  // The case it affects fails, with expected vs got.
  await tab(page, 'cases');
  const failed = page.locator('.case.failed');
  await failed.first().waitFor();
  assert.equal(await failed.count(), 1, 'one case fails');
  const failure = await failed.innerText();
  assert.ok(failure.includes(AFFECTED), failure);
  // The new value is sourced (not "to confirm"): the RME is now open, 450 − 300 = 150 €.
  assert.match(failure, /aide « rme » : à confirmer attendu, obtenu éligible/, 'expected vs got, in French');
  assert.match(failure, /aide « rme » : montant 120\.00 attendu, obtenu 150/);

  // Fix the case in the editor: its expected amount.
  await tab(page, 'edit');
  await page.locator('.files button', { hasText: 'chenove/cases.toml' }).click();
  await page.waitForFunction(() => window.eligoEditor.viewOf(document.querySelector('.editor'))?.state.doc.toString().includes('[[case]]'));
  const cases = await editorText(page);
  const start = cases.indexOf(AFFECTED);
  const amount = cases.indexOf('amounts = { rme = "120.00" }', start);
  const written = cases.slice(start, amount + 30);
  await replaceInEditor(page, written, written.replace('expect = { rme = "to_confirm" }', 'expect = { rme = "eligible" }').replace('"120.00"', '"150.00"'));
  await tab(page, 'cases');
  await page.waitForFunction(() => document.querySelectorAll('.case.failed').length === 0);
  assert.match(await page.locator('.cases-summary').innerText(), /^(\d+) .* \1$/, 'every case passes');

  // The board preview: the value added, the aid changed, the case that flips.
  await tab(page, 'board');
  const board = await page.locator('.board').innerText();
  assert.match(board, /rme_minimum_dijon : 450 · 2027-09-01/);
  assert.match(board, /Revenu Minimum Étudiant/);
  assert.ok(board.includes(AFFECTED), 'the flipped case');
  assert.match(board, /à confirmer, 120(\.00)? €\s+droit ouvert, 150(\.00)? €/, 'before and after');
  await page.screenshot({ path: screenshotPath('studio-board'), fullPage: true });
  assert.deepEqual(await axeViolations(page), [], 'axe: the board preview');

  // Publish: the pack every language (what `eligo-rules build` writes) and the edited TOML.
  await tab(page, 'publish');
  assert.match(await page.locator('.webmaster-steps').innerText(), /data-pack=/);
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.download', { hasText: name }).first().click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'eligo-studio-')), name);
    await download.saveAs(path);
    return path;
  };
  const pack = await save('chenove.pack');
  await save('chenove-fr.pack');
  const toml = await save('chenove-pack.toml');
  // The same bytes as the command line's build of the downloaded text.
  const packs = mkdtempSync(join(tmpdir(), 'eligo-packs-'));
  cpSync(join(ROOT, 'packs'), packs, { recursive: true });
  writeFileSync(join(packs, 'chenove/pack.toml'), readFileSync(toml));
  const built = join(packs, 'built.pack');
  buildPack(join(packs, 'chenove/pack.toml'), built);
  assert.ok(readFileSync(built).equals(readFileSync(pack)), 'the downloaded pack has the bytes of `eligo-rules build`');
  assert.deepEqual(record.consoleErrors, []);

  // The downloaded pack as a city's pack in the resident app, on a day after 2027-09-01.
  const dir = mkdtempSync(join(tmpdir(), 'eligo-dist-'));
  cpSync(DIST, dir, { recursive: true });
  mkdirSync(join(dir, 'fixtures'));
  cpSync(pack, join(dir, 'fixtures/studio.pack'));
  const city = await serveDist(dir);
  const resident = await launch();
  try {
    await resident.clock.setFixedTime(new Date('2027-10-04T10:00:00'));
    const { page: app } = await openPage(resident);
    await app.goto(`${city.origin}/?pack=fixtures/studio.pack`);
    await app.locator('main h1').waitFor({ timeout: 20_000 });
    assert.equal(await app.locator('.webmaster-note').count(), 0, 'the pack is accepted');
    await act(app, () => app.locator('main button.primary').click());
    await answerAll(app, STUDENT);
    const shown = await results(app);
    assert.ok(shown.rme, `the RME is shown: ${Object.keys(shown)}`);
    assert.match(await app.locator('#aid-rme').innerText(), /150/, 'the new minimum makes a 150 € top-up');
  } finally {
    await resident.close();
    city.server.close();
  }
});

test('the preview runs the resident journey with the edited pack, in the app\'s own views', async () => {
  const { page, record } = await openStudio();
  await openChenove(page);
  await tab(page, 'cases');
  const before = Number((await page.locator('.cases-summary').innerText()).match(/\d+$/)[0]);
  await tab(page, 'preview');
  await page.locator('.preview-frame main h1').waitFor();
  await act(page, () => page.locator('.preview-frame main button.primary').click());
  await answerAll(page, STUDENT);
  const shown = await results(page);
  assert.ok(shown.rme, 'the app\'s results, with the edited pack');
  // "Save these answers as a case": written into cases.toml with what the engine says now, and it passes.
  await page.locator('#save-case').click();
  await page.locator('.preview .note.ok').waitFor();
  assert.match(await page.locator('.preview .note.ok').innerText(), /chenove\/cases\.toml/);
  // The app's "leave quickly" and Escape do not throw the studio away.
  await page.keyboard.press('Escape');
  await page.locator('.preview-frame button.leave').first().click();
  assert.equal(new URL(page.url()).pathname, '/studio.html');
  assert.deepEqual(await axeViolations(page), [], 'axe: the preview');
  await tab(page, 'cases');
  // One case more than before, and every one passes (the saved one included).
  assert.match(await page.locator('.cases-summary').innerText(), new RegExp(`^${before + 1} .* ${before + 1}$`), 'the saved case runs and passes');
  assert.ok((await page.locator('.case.ok').allInnerTexts()).some((t) => t.includes("Cas de l'aperçu du")));
  assert.deepEqual(record.consoleErrors, []);
});

// The engine's fixture with five mistakes (engine/tests/fixtures/five-mistakes.toml, checked by
// engine/tests/five_mistakes.rs and `eligo-rules check --lang fr`): opened from the computer with the five
// corrected, then each mistake typed back into the editor.
const FIVE = readFileSync(join(ROOT, 'engine/tests/fixtures/five-mistakes.toml'), 'utf8');
const MISTAKES = [
  // [as corrected, as typed (the fixture's), line, the French message]
  ['type = "money"\nid = "income"', 'type = "money"\nid = "age"', 28, /l'identifiant « age » est déjà utilisé par la question « age »/],
  ['{ from = 2026-09-01,', '{ from = 01/09/2026,', 36, /une valeur texte doit être entre guillemets/],
  ['places = ["ccas"]', 'places = ["ccas_centre"]', 46, /lieu inconnu « ccas_centre »/],
  ['when = "age < 27"', 'when = "age < 2026-01-01"', 49, /impossible de comparer un nombre avec une date/],
  ['label = { fr = "Moins de 27 ans", en = "Under 27" }', 'label = { fr = "Moins de 27 ans" }', 50, /traduction « en » manquante/],
];

test('five mistakes typed into the editor are shown together, each at its line, in plain French', async () => {
  let clean = FIVE;
  for (const [right, wrong] of MISTAKES) {
    assert.ok(clean.includes(wrong), wrong);
    clean = clean.replace(wrong, right);
  }
  const { page, record } = await openStudio();
  await page.locator('#studio-files').setInputFiles({ name: 'pack.toml', mimeType: 'text/plain', buffer: Buffer.from(clean) });
  await page.locator('#tab-review[aria-current="page"]').waitFor();
  await tab(page, 'edit');
  await page.locator('.problems .ok').waitFor();
  for (const [right, wrong] of MISTAKES) await replaceInEditor(page, right, wrong);
  await page.waitForFunction(() => document.querySelectorAll('.problem-list li').length >= 5);
  const items = await page.locator('.problem-list li').evaluateAll((els) => els.map((e) => [Number(e.dataset.line), e.innerText]));
  assert.equal(items.length, 5, items.map((i) => i.join(' ')).join('\n'));
  for (const [, , line, message] of MISTAKES) {
    const found = items.find(([l, text]) => l === line && message.test(text));
    assert.ok(found, `line ${line}: ${message}\n${items.map((i) => i.join(' ')).join('\n')}`);
    assert.match(found[1], new RegExp(`ligne ${line}, colonne \\d+`));
  }
  for (const [, text] of items) assert.doesNotMatch(text, /::|\{ |[A-Z][a-z]+[A-Z]\w+ \{/, 'never a Rust name');
  // Marked in the editor too, at their lines.
  assert.ok((await page.locator('.editor .cm-lint-marker-error').count()) >= 1, 'marked in the editor');
  await page.screenshot({ path: screenshotPath('studio-five-mistakes'), fullPage: true });
  assert.deepEqual(await axeViolations(page), [], 'axe: the editor with problems');
  // The same in English and Arabic.
  await page.locator('#studio-lang').selectOption('en');
  assert.match(await page.locator('.problem-list').innerText(), /line 46, column \d+.*unknown place "ccas_centre"/s);
  await page.locator('#studio-lang').selectOption('ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.locator('.problem-list li').count(), 5);
  assert.deepEqual(record.consoleErrors, []);
});

/** The element with the focus, inside the editor's shadow root too. */
const ACTIVE = `(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a; })()`;
const activeId = (page) => page.evaluate(`${ACTIVE}?.id`);
const inEditor = (page) => page.evaluate(`!!${ACTIVE}?.classList.contains('cm-content')`);

test('the studio is usable with the keyboard alone', async () => {
  const { page } = await openStudio();
  // Tab to the built-in pack's Open button and press it.
  for (let i = 0; i < 10 && (await activeId(page)) !== 'studio-open-built-in'; i++) await page.keyboard.press('Tab');
  assert.equal(await activeId(page), 'studio-open-built-in');
  await page.keyboard.press('Enter');
  await page.locator('#tab-review[aria-current="page"]').waitFor();
  // On to the Edit tab, then into the editor, type, and out again with Escape then Tab.
  for (let i = 0; i < 20 && (await activeId(page)) !== 'tab-edit'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('.editor .cm-content').waitFor();
  for (let i = 0; i < 30 && !(await inEditor(page)); i++) await page.keyboard.press('Tab');
  assert.ok(await inEditor(page), 'the editor takes the focus');
  await page.keyboard.type('# typed\n');
  await page.waitForFunction(() => window.eligoEditor.viewOf(document.querySelector('.editor')).state.doc.toString().startsWith('# typed'));
  // Escape, then Tab, leaves the editor (CodeMirror keeps Tab for indentation until Escape).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.ok(!(await inEditor(page)), 'Tab leaves the editor after Escape');
  assert.equal(new URL(page.url()).pathname, '/studio.html', 'Escape never leaves the studio');
});

/** The editor's text once it differs from `before` (a form's edit shown in the editor). */
async function changedText(page, before) {
  await page.waitForFunction((b) => window.eligoEditor.viewOf(document.querySelector('.editor')).state.doc.toString() !== b, before);
  return editorText(page);
}

const commentsOf = (text) => text.split('\n').filter((l) => l.trimStart().startsWith('#') || l.includes(' # '));

test('the forms: a place\'s hours read as typed, an aid\'s status, window and papers, written into the TOML with its comments', async () => {
  const { page, record } = await openStudio();
  await openChenove(page);
  await tab(page, 'edit');
  const before = await editorText(page);

  // Wrong hours: a plain French message as they are typed, and the form refuses them.
  await page.locator('#form-place-id').selectOption('mairie_chenove');
  const hours = page.locator('#form-place-opening_hours');
  assert.equal(await hours.inputValue(), 'Mo-Fr 08:00-12:00,13:30-17:30; PH off', 'the current hours, prefilled');
  assert.equal(await page.locator('#form-place-address').inputValue(), 'Place Pierre Meunier, 21300 Chenôve');
  await hours.fill('Lu-Ve 8h-12h');
  const message = page.locator('#form-place-hours-message');
  await page.waitForFunction(() => document.querySelector('#form-place-hours-message').textContent.includes('compris'));
  assert.match(await message.innerText(), /« Lu(-Ve)? » n'est pas compris : les jours s'écrivent Mo, Tu, We, Th, Fr, Sa, Su ou PH/);
  assert.equal(await hours.getAttribute('aria-invalid'), 'true');
  await page.locator('#form-place-apply').click();
  await page.locator('.place-form .note.error').waitFor();
  assert.match(await page.locator('.place-form .note.error').innerText(), /horaires illisibles/);
  assert.equal(await editorText(page), before, 'nothing written');
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'form-place-opening_hours'), 'the focus goes to the wrong hours');
  await page.screenshot({ path: screenshotPath('studio-form-hours'), fullPage: true });
  // In English and Arabic too.
  await page.locator('#studio-lang').selectOption('en');
  assert.match(await message.innerText(), /"Lu(-Ve)?" is not understood/);
  await page.locator('#studio-lang').selectOption('ar');
  assert.match(await message.innerText(), /غير مفهوم/);
  await page.locator('#studio-lang').selectOption('fr');

  // Right hours and a new phone: written in place, every comment kept.
  await hours.fill('Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off');
  await page.waitForFunction(() => document.querySelector('#form-place-hours-message').textContent.includes('lisibles'));
  assert.equal(await hours.getAttribute('aria-invalid'), null);
  await page.locator('#form-place-phone').fill('03 80 51 55 01');
  await page.locator('#form-place-apply').click();
  await page.locator('.place-form .note.ok').waitFor();
  let after = await changedText(page, before);
  assert.ok(after.includes('opening_hours = "Mo-Fr 08:30-12:00,13:30-17:00; Sa 09:00-12:00; PH off"'), 'the hours in the TOML');
  assert.ok(after.includes('phone = "03 80 51 55 01"'));
  assert.deepEqual(commentsOf(after), commentsOf(before), 'every comment kept');
  const changed = before.split('\n').filter((l) => !after.includes(l));
  assert.deepEqual(changed, ['phone = "03 80 51 55 00"', 'opening_hours = "Mo-Fr 08:00-12:00,13:30-17:30; PH off"'], 'only those two lines change');
  await page.locator('.problems .ok').waitFor();

  // An aid: closed, asked for from September to October, one paper more.
  const step = await editorText(page);
  await page.locator('#form-aid-id').selectOption('rme');
  assert.match(await page.locator('#form-aid-name-fr').inputValue(), /Revenu Minimum Étudiant/);
  assert.ok((await page.locator('.aid-form fieldset.document').count()) >= 5, 'its papers, listed');
  await page.locator('#form-aid-status').selectOption('closed');
  await page.locator('#form-aid-window-from').fill('09-01');
  await page.locator('#form-aid-window-to').fill('10-31');
  await page.locator('#form-aid-add-document').click();
  const added = page.locator('.aid-form fieldset.document').last();
  await added.locator('input[id$="-paper-fr"]').fill('Un relevé d\'identité bancaire (RIB)');
  await added.locator('input[id$="-where-fr"]').fill('Dans l\'application de votre banque.');
  await page.locator('#form-aid-apply').click();
  await page.locator('.aid-form .note.ok').waitFor();
  after = await changedText(page, step);
  const rme = after.slice(after.indexOf('id = "rme"'), after.indexOf('[[aid]]', after.indexOf('id = "rme"')));
  assert.match(rme, /\nstatus = "closed"/);
  assert.match(rme, /\nwindow = \{ from = "09-01", to = "10-31" \}/);
  assert.match(rme, /\{ paper = \{ fr = "Un relevé d'identité bancaire \(RIB\)" \}, where = \{ fr = "Dans l'application de votre banque\." \} \},\n\]/);
  assert.deepEqual(commentsOf(after), commentsOf(before), 'every comment kept');
  // The other papers are kept as written (their English and Arabic too).
  for (const line of before.split('\n').filter((l) => l.startsWith('  { paper = { fr = "Le dossier de demande du RME'))) assert.ok(after.includes(line), line);
  // The check runs again: the new paper has no English nor Arabic yet, and the studio says so.
  await page.waitForFunction(() => /traduction « (en|tr) » manquante/.test(document.querySelector('.problems').innerText));
  assert.deepEqual(await axeViolations(page), [], 'axe: the edit step with its forms');
  await page.screenshot({ path: screenshotPath('studio-forms'), fullPage: true });

  // A paper removed: the translation files keep papers by position, so the texts of the papers after it move
  // up with them, in every translation file beside the pack, and the note names each file written.
  await page.locator('.aid-form fieldset.document').first().locator('button.remove').click();
  const papers = await page.locator('.aid-form fieldset.document').count();
  await page.locator('#form-aid-apply').click();
  await page.waitForFunction(() => /chenove\/lang\/tr\.toml/.test(document.querySelector('.aid-form .note.ok')?.innerText ?? ''));
  const note = await page.locator('.aid-form .note.ok').innerText();
  for (const lang of ['fr-x-falc', 'pt', 'uk', 'fa-AF', 'ru']) assert.ok(note.includes(`chenove/lang/${lang}.toml`), note);
  // The paper added last, now one place higher, is the one without a Turkish text (left in place, the
  // translations would have given it the text of the paper that was there before).
  const missing = `ajoutez \`aid.rme.documents.${papers - 1}.paper = "…"\` à chenove/lang/tr.toml`;
  await page.waitForFunction((m) => document.querySelector('.problems').innerText.includes(m), missing);
  assert.doesNotMatch(await page.locator('.problems').innerText(), /chemin d'aucun texte/, 'no translation left without its paper');

  // A paper moved one place up, with the keyboard: the focus stays on the moved paper, its line moves in the
  // TOML, and the translation files follow.
  const paperLines = (text) => {
    const rme = text.slice(text.indexOf('id = "rme"'), text.indexOf('[[aid]]', text.indexOf('id = "rme"')));
    return rme.split('\n').filter((l) => l.startsWith('  { paper = '));
  };
  // The Turkish texts of the papers, read in the editor (then back to the pack file).
  const turkish = async () => {
    await page.locator('.files button', { hasText: 'chenove/lang/tr.toml' }).click();
    await page.waitForFunction(() => window.eligoEditor.viewOf(document.querySelector('.editor')).state.doc.toString().startsWith('# Türkçe'));
    const text = await editorText(page);
    await page.locator('.files button', { hasText: 'chenove/pack.toml' }).click();
    await page.waitForFunction(() => window.eligoEditor.viewOf(document.querySelector('.editor')).state.doc.toString().includes('id = "rme"'));
    const paper = (n) => text.split('\n').find((l) => l.startsWith(`aid.rme.documents.${n}.paper = `))?.split(' = ')[1];
    return [paper(1), paper(2)];
  };
  const turkishBefore = await turkish();
  assert.ok(turkishBefore[0] && turkishBefore[1], `papers 1 and 2 have Turkish texts: ${turkishBefore}`);
  await page.locator('#form-aid-id').selectOption('rme');
  const beforeMove = await editorText(page);
  const order = paperLines(beforeMove);
  const moved = page.locator('.aid-form fieldset.document').nth(2);
  const key = await moved.getAttribute('data-key');
  await moved.locator('button.up').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => document.activeElement?.id === `form-doc-${k}-up`, key);
  assert.equal(await page.locator('.aid-form fieldset.document').nth(1).getAttribute('data-key'), key, 'one place up');
  assert.equal(await page.locator('.aid-form fieldset.document').first().locator('button.up').count(), 0, 'the first has no "up"');
  await page.locator('#form-aid-apply').click();
  const afterMove = await changedText(page, beforeMove);
  assert.deepEqual(paperLines(afterMove), [order[0], order[2], order[1], ...order.slice(3)], 'the two papers swapped in the TOML');
  assert.deepEqual(await turkish(), [turkishBefore[1], turkishBefore[0]], 'the Turkish texts swapped with their papers');
  assert.deepEqual(record.consoleErrors, []);
});

/** Files of the repository's packs as a folder would hold them: `chenove/pack.toml`, `common/…`. */
function packFolder(...dirs) {
  const files = {};
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, 'packs', dir), { withFileTypes: true })) {
      const name = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(name);
      else if (entry.name.endsWith('.toml')) files[name] = readFileSync(join(ROOT, 'packs', name), 'utf8');
    }
  };
  dirs.forEach(walk);
  return files;
}

// A stand-in for the browser's pickers (File System Access API): a folder of files in the page, whose
// handles record what is written into them. Playwright cannot drive the real pickers (native dialogs).
function stubPickers(files) {
  window.eligoWritten = {};
  const fileHandle = (path, text) => ({
    kind: 'file',
    name: path.split('/').pop(),
    getFile: async () => new File([text], path.split('/').pop()),
    requestPermission: async () => 'granted',
    createWritable: async () => {
      const parts = [];
      return { write: async (data) => parts.push(data), close: async () => { window.eligoWritten[path] = parts.join(''); } };
    },
  });
  const dirHandle = (prefix) => ({
    kind: 'directory',
    name: prefix.replace(/\/$/, '').split('/').pop() || 'packs',
    async *entries() {
      const seen = new Set();
      for (const [path, text] of Object.entries(files)) {
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        const [head, ...tail] = rest.split('/');
        if (tail.length === 0) yield [head, fileHandle(path, text)];
        else if (!seen.has(head)) {
          seen.add(head);
          yield [head, dirHandle(`${prefix}${head}/`)];
        }
      }
    },
  });
  window.showDirectoryPicker = async () => dirHandle('');
  window.showOpenFilePicker = async () => Object.entries(files).map(([path, text]) => fileHandle(path, text));
}

test('with the File System Access API: a pack\'s folder opened, edited with a form, saved back into the same file', async () => {
  const own = await launch({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    const { page, record } = await openPage(own);
    await page.addInitScript(stubPickers, packFolder('chenove', 'common', 'besancon'));
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.goto(`${served.origin}/studio.html`);
    await page.locator('#studio-pick-folder').click();
    // Two packs in the folder: which one is asked.
    await page.locator('#studio-pack-in-folder').selectOption('chenove/pack.toml');
    await page.locator('#studio-open-pack').click();
    await page.locator('#tab-review[aria-current="page"]').waitFor();
    await tab(page, 'edit');
    const names = await page.locator('.files button').allInnerTexts();
    assert.deepEqual(names.slice(0, 4), ['chenove/pack.toml', 'common/situation.toml', 'common/national.toml', 'chenove/cases.toml'], 'the pack, its includes, its cases');
    assert.ok(names.slice(4).every((n) => /^(chenove|common)\/lang\//.test(n)), `then the translation files, none of the other pack: ${names}`);
    await page.locator('.problems .ok').waitFor();
    const before = await editorText(page);
    await page.locator('#form-place-id').selectOption('ccas_chenove');
    await page.locator('#form-place-address').fill('2 rue Armand Thibaut, 21300 Chenôve');
    await page.locator('#form-place-apply').click();
    await page.locator('.place-form .note.ok').waitFor();
    await changedText(page, before);
    assert.match(await page.locator('#studio-save').innerText(), /\(1\)/, 'one file to save');
    await page.locator('#studio-save').click();
    await page.locator('.save-files .note.ok').waitFor();
    const written = await page.evaluate(() => window.eligoWritten);
    assert.deepEqual(Object.keys(written), ['chenove/pack.toml'], 'only the changed file is written');
    const text = written['chenove/pack.toml'];
    assert.ok(text.includes('address = "2 rue Armand Thibaut, 21300 Chenôve"'));
    assert.deepEqual(commentsOf(text), commentsOf(before), 'with its comments');
    assert.deepEqual(downloads, [], 'saved in place, not downloaded');
    assert.match(await page.locator('#studio-save').innerText(), /\(0\)/, 'nothing left to save');
    assert.deepEqual(await axeViolations(page), [], 'axe: with the pickers');
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await own.close();
  }
});

test('without the File System Access API: files opened with the file input, saved as downloads', async () => {
  const own = await launch({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    const { page, record } = await openPage(own);
    await page.addInitScript(() => {
      window.showOpenFilePicker = undefined;
      window.showDirectoryPicker = undefined;
    });
    await page.goto(`${served.origin}/studio.html`);
    await page.locator('h1').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#studio-pick-folder').count(), 0, 'no picker where the browser has none');
    const files = packFolder('chenove', 'common');
    const pick = ['chenove/pack.toml', 'common/situation.toml', 'common/national.toml', 'chenove/cases.toml'];
    await page.locator('#studio-files').setInputFiles(pick.map((p) => ({ name: p.split('/').pop(), mimeType: 'text/plain', buffer: Buffer.from(files[p]) })));
    await page.locator('#tab-review[aria-current="page"]').waitFor();
    await tab(page, 'edit');
    const before = await editorText(page);
    await page.locator('#form-aid-id').selectOption('rme');
    await page.locator('#form-aid-status').selectOption('experimental');
    await page.locator('#form-aid-apply').click();
    await page.locator('.aid-form .note.ok').waitFor();
    const after = await changedText(page, before);
    assert.match(after.slice(after.indexOf('id = "rme"')), /^[^[]*\nstatus = "experimental"/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#studio-save').click()]);
    assert.equal(download.suggestedFilename(), 'pack.toml');
    const path = join(mkdtempSync(join(tmpdir(), 'eligo-studio-')), 'pack.toml');
    await download.saveAs(path);
    assert.equal(readFileSync(path, 'utf8'), after, 'the edited text, as downloaded');
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    await own.close();
  }
});
