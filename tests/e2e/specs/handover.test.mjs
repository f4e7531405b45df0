// Handing the visit to the CCAS desk without a server (issue 18), end to end in Chromium: a Chenôve journey on a
// TEST-ONLY pack holding the TEST key (tests/e2e/lib/handover.mjs), the consent on "Préparer mon rendez-vous", the
// QR code decoded by jsQR to the code, and the desk page, given the TEST key file and passphrase, showing the same
// answers and the same verdicts: in French, English and Arabic. Then every refusal, each with its clear message
// and no crash: a wrong passphrase, a wrong key, one altered byte, a code for another territory, a code of a newer
// format, a truncated code, and a text that is not a code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, openPage, screenshotPath } from '../lib/harness.mjs';
import { axeViolations } from '../lib/hosts.mjs';
import { act, answerAll, chooseLanguage, JOURNEY_DATE, results, start } from '../lib/journey.mjs';
import { decodeQr } from '../lib/qr.mjs';
import { OTHER_KEY_FILE, OTHER_PASSPHRASE, TEST_PASSPHRASE, deskSummary, fromText, loadKey, openDesk, serveWithHandoverPacks, toText, typeCode } from '../lib/handover.mjs';

export const STUDENT = {
  commune: 'chenove', age: 20, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true, student_resources: '300,00',
  study_zone: 'dijon', municipal_staff: false, household_size: 1, children_count: 0, receives: ['student_grant'],
  monthly_resources: '1 234,56', monthly_charges: '?', own_resources: true, housing: '?', disability: false,
  single_parent: '?',
};

const CONSENT = {
  fr: /vos réponses, le résultat pour chaque aide, la version des règles et la date\. Seul le CCAS peut le lire.*Rien n'est envoyé/,
  en: /your answers, the result for each aid, the version of the rules and the date\. Only the CCAS can read it.*Nothing is sent/,
  ar: /إجاباتك ونتيجة كل مساعدة وإصدار القواعد والتاريخ\. لا يستطيع قراءته إلا المركز.*لا يُرسَل أي شيء/,
};

let served;
let context;

before(async () => {
  served = await serveWithHandoverPacks();
  context = await launch();
  await context.clock.setFixedTime(JOURNEY_DATE);
});

after(async () => {
  await context?.close();
  served?.server.close();
});

/**
 * A resident's journey on a TEST pack (`territory`), in `lang`, up to the visit page; then the consent and the
 * code. Returns { page, record, shown (the verdicts), asked, text (the code's text form), qr (the decoded QR) }.
 */
async function residentCode(lang, { territory = 'chenove', answers = STUDENT, axe = false } = {}) {
  const { page, record } = await openPage(context);
  await page.goto(`${served.origin}/?pack=fixtures/handover-${territory}.pack`);
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  if (lang !== 'fr') await chooseLanguage(page, lang);
  await start(page);
  const asked = await answerAll(page, answers);
  const shown = await results(page);
  await act(page, () => page.locator('section.results .actions button.primary').click());
  const panel = page.locator('section.handover');
  await panel.waitFor();
  // The code never exists before consent: no QR code, no text form, no sealing module fetched.
  assert.equal(await page.locator('.handover-code, .handover-text').count(), 0, 'no code before consent');
  assert.ok(!record.requests.some((r) => /handover-[0-9a-f]+\.js/.test(r.url)), 'the sealing is not fetched before consent');
  assert.match(await panel.innerText(), CONSENT[lang], `${lang}: the consent says what the code holds`);
  if (axe) assert.deepEqual(await axeViolations(page), [], `axe: the consent screen (${lang})`);
  await panel.locator('button').click();
  await page.locator('.handover-code svg.qr path').waitFor({ timeout: 20_000 });
  const text = (await page.locator('.handover-text').innerText()).replace(/\s+/g, '');
  const qr = await decodeQr(page.locator('.handover-code svg.qr'));
  assert.ok(record.requests.some((r) => /handover-[0-9a-f]+\.js/.test(r.url)), 'the sealing is fetched on consent');
  return { page, record, shown, asked, text, qr };
}

for (const lang of ['fr', 'en', 'ar']) {
  test(`${lang}: the QR code decodes to the code, and the desk shows the same answers and verdicts`, async () => {
    const resident = await residentCode(lang, { axe: true });
    assert.equal(resident.qr, resident.text, 'the QR code holds the text form');
    assert.match(resident.text, /^[0-9A-HJKMNP-TV-Z]+$/, 'the text form is base32');
    await resident.page.screenshot({ path: screenshotPath(`handover-consent-${lang}`), fullPage: true });
    // The visit sheet prints the QR code and the text form (the take-away's QR panel stays off paper).
    await resident.page.emulateMedia({ media: 'print' });
    assert.ok(await resident.page.locator('.handover-code svg.qr').isVisible(), 'the QR code is on the printed visit sheet');
    assert.ok(await resident.page.locator('.handover-text').isVisible(), 'the text form too');
    assert.ok(!(await resident.page.locator('section.handover button').isVisible()), 'no button on paper');
    await resident.page.emulateMedia({ media: 'screen' });
    assert.deepEqual(resident.record.consoleErrors, []);

    const { page, record } = await openDesk(context, served.origin, { lang });
    // Offline once opened: the key, the territory's pack (fetched at once) and the sealing are all in the page.
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    let shown;
    try {
      shown = await typeCode(page, resident.text);
    } finally {
      await context.setOffline(false);
    }
    assert.equal(await shown.getAttribute('class'), 'desk-result', await shown.innerText());
    const desk = await deskSummary(page);
    const residentGroups = Object.fromEntries(Object.entries(resident.shown).map(([id, { group }]) => [id, group]));
    assert.deepEqual(desk.aids, residentGroups, 'the same verdicts, worked out again with the current pack');
    assert.deepEqual(desk.resident, residentGroups, 'the verdicts the resident saw, carried by the code');
    assert.deepEqual(desk.questions, [...resident.asked].sort(), 'the same answers');
    assert.equal(desk.changedVerdicts, 0);
    assert.equal(desk.packChanged, false);
    // The answers read back as the resident gave them (an amount, an option).
    assert.match(await page.locator('[data-question="monthly_resources"] dd').innerText(), /1[\s\u202f\u00a0,]?234[,.]56/);
    assert.ok((await page.locator('.desk-result .papers li').count()) > 0, 'the papers to ask for');
    assert.deepEqual(await axeViolations(page), [], `axe: the desk page with a resident's answers (${lang})`);
    await page.screenshot({ path: screenshotPath(`handover-desk-${lang}`), fullPage: true });

    // "Next resident" wipes what was shown; the key stays for the session.
    await page.locator('button.next').click();
    await page.locator('.desk-result').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#code-text').inputValue(), '');
    assert.doesNotMatch(await page.locator('body').innerText(), /1[\s\u202f\u00a0,]?234[,.]56/);
    assert.equal(await page.locator('.key-loaded').count(), 1);
    assert.deepEqual(record.consoleErrors, []);
    await page.close();
  });
}

test('the desk reads a photo of the QR code (jsQR where the browser has no BarcodeDetector)', async () => {
  const resident = await residentCode('fr');
  const photo = join(tmpdir(), `eligo-handover-${process.pid}.png`);
  // A photo as a camera takes it: the code drawn large enough (4 px a module at least), with its quiet zone.
  const svg = resident.page.locator('.handover-code svg.qr');
  await svg.evaluate((el) => { el.style.inlineSize = '600px'; el.style.maxInlineSize = 'none'; });
  writeFileSync(photo, await svg.screenshot());
  const { page, record } = await openDesk(context, served.origin);
  await page.locator('#code-photo').setInputFiles(photo);
  await page.locator('.desk-result').waitFor({ timeout: 20_000 });
  assert.deepEqual((await deskSummary(page)).questions, [...resident.asked].sort());
  assert.deepEqual(record.consoleErrors, []);
  await page.close();
});

test('every refusal has a clear message and nothing crashes', async () => {
  const { text } = await residentCode('fr');
  const bytes = fromText(text);

  // A wrong passphrase: the key stays closed, and the right one still opens it.
  const { page, record } = await openDesk(context, served.origin, { keyFile: null });
  await loadKey(page, OTHER_KEY_FILE, TEST_PASSPHRASE, { refused: true });
  assert.match(await page.locator('.desk-key .error').innerText(), /Phrase secrète incorrecte/);
  await loadKey(page, OTHER_KEY_FILE, OTHER_PASSPHRASE);
  assert.equal(await page.locator('.key-loaded').count(), 1);

  // A wrong key: the code was made for the other CCAS key.
  assert.match(await (await typeCode(page, text)).innerText(), /fait pour une autre clé du CCAS/);
  await page.close();

  const desk = await openDesk(context, served.origin);
  const refusals = [];
  const altered = Uint8Array.from(bytes);
  altered[altered.length - 20] ^= 0x01;
  refusals.push(['one altered byte', toText(altered), /ne s'ouvre pas : un caractère a changé/]);
  const newer = Uint8Array.from(bytes);
  newer[0] = 2;
  refusals.push(['a newer format', toText(newer), /version plus récente d'Eligo \(format 2\)/]);
  refusals.push(['a truncated code', toText(bytes.subarray(0, bytes.length - 30)), /incomplet/]);
  refusals.push(['not a code', 'Bonjour !', /n'est pas un code Eligo/]);
  const besancon = await residentCode('fr', {
    territory: 'besancon',
    answers: { age: 30 },
  });
  refusals.push(['a code for another territory', besancon.text, /autre territoire \(besancon\), pas pour celui de ce CCAS \(chenove\)/]);
  for (const [what, code, message] of refusals) {
    const shown = await typeCode(desk.page, code);
    assert.match(await shown.innerText(), message, what);
    assert.equal(await desk.page.locator('.desk-result').count(), 0, `${what}: nothing shown`);
    assert.equal(await desk.page.locator('.desk-status .error[role="alert"]').count(), 1);
    await desk.page.locator('button.next').click();
    await desk.page.locator('.desk-status .error').waitFor({ state: 'detached' });
  }
  assert.deepEqual(await axeViolations(desk.page), [], 'axe: the desk page');
  // The page still works after all that: the right code opens.
  assert.equal(await (await typeCode(desk.page, text)).getAttribute('class'), 'desk-result');
  assert.deepEqual([...record.consoleErrors, ...desk.record.consoleErrors], []);
});

test('a new key: the desk page shows the public key for the pack and a key file that opens with its passphrase', async () => {
  const { page, record } = await openDesk(context, served.origin, { keyFile: null });
  await page.locator('details.new-key summary').click();
  await page.locator('#new-passphrase').fill('short');
  await page.locator('#new-passphrase-2').fill('short');
  await page.locator('details.new-key button[type="submit"]').click();
  assert.match(await page.locator('.desk-key .error').innerText(), /au moins 12 caractères/);
  const secret = 'une phrase secrète assez longue';
  await page.locator('#new-passphrase').fill(secret);
  await page.locator('#new-passphrase-2').fill(secret);
  await page.locator('details.new-key button[type="submit"]').click();
  const shown = await page.locator('pre.public-key').innerText({ timeout: 20_000 });
  assert.match(shown, /^\[handover\]\npublic_key = "B[A-Za-z0-9_-]{86}"$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.save-key').click()]);
  const file = join(tmpdir(), `eligo-new-key-${process.pid}.json`);
  await download.saveAs(file);
  assert.deepEqual(await axeViolations(page), [], 'axe: the desk page, new key');
  // The file holds no private key in clear, and opens with the passphrase.
  const { readFileSync } = await import('node:fs');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(saved.kdf.iterations, 600000);
  assert.ok(!('d' in saved) && !JSON.stringify(saved).includes('PRIVATE KEY'));
  await loadKey(page, file, secret);
  assert.equal(await page.locator('.key-loaded').count(), 1);
  assert.deepEqual(record.consoleErrors, []);
  await page.close();
});
