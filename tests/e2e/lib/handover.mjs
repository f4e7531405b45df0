// The handover tests' set-up (issue 18): a copy of dist/ with TEST-ONLY packs that hold the TEST key pair's public
// key (tests/e2e/fixtures/handover/: never a real CCAS's key, never in the shipped packs), built as a CCAS would:
// the territory's pack.toml plus a [handover] table, `eligo-rules build`. Served as a city's own pack
// (`?pack=fixtures/handover-<id>.pack`), for the resident app and the desk page.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, buildPack, serveDist } from './harness.mjs';

export const FIXTURES = join(ROOT, 'tests/e2e/fixtures/handover');
/** The TEST key file and its passphrase (the e2e tests' only: never a real CCAS's). */
export const TEST_KEY_FILE = join(FIXTURES, 'TEST-ONLY-ccas-key.json');
export const TEST_PASSPHRASE = 'test passphrase, never a real one';
/** Another TEST key: a desk holding it must refuse the codes made for the first. */
export const OTHER_KEY_FILE = join(FIXTURES, 'TEST-ONLY-other-ccas-key.json');
export const OTHER_PASSPHRASE = 'another test passphrase';

const publicKey = () => readFileSync(join(FIXTURES, 'TEST-ONLY-ccas-key.public.txt'), 'utf8').trim();

/** Serves a copy of dist/ with fixtures/handover-chenove.pack and fixtures/handover-besancon.pack; returns { server, origin, dir }. */
export async function serveWithHandoverPacks() {
  const dir = mkdtempSync(join(tmpdir(), 'eligo-handover-'));
  cpSync(DIST, dir, { recursive: true });
  mkdirSync(join(dir, 'fixtures'));
  const sources = mkdtempSync(join(tmpdir(), 'eligo-handover-packs-'));
  cpSync(join(ROOT, 'packs'), sources, { recursive: true });
  for (const id of ['chenove', 'besancon']) {
    const toml = join(sources, id, 'pack.toml');
    writeFileSync(toml, `${readFileSync(toml, 'utf8')}\n# TEST ONLY (tests/e2e/lib/handover.mjs)\n[handover]\npublic_key = "${publicKey()}"\n`);
    buildPack(toml, join(dir, `fixtures/handover-${id}.pack`));
  }
  const served = await serveDist(dir);
  return { ...served, dir };
}

// Crockford's base32, as the engine writes the text form (engine/src/handover.rs), to alter a code on purpose.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function fromText(text) {
  const out = [];
  let [acc, bits] = [0, 0];
  for (const c of text.replace(/[\s-]/g, '').toUpperCase()) {
    acc = ((acc << 5) | BASE32.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
export function toText(bytes) {
  let [out, acc, bits] = ['', 0, 0];
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(acc >> bits) & 31];
    }
  }
  return bits > 0 ? out + BASE32[(acc << (5 - bits)) & 31] : out;
}

/** Opens the desk page (on a fresh page of `context`) in `lang`, with the key file and passphrase given. */
export async function openDesk(context, origin, { lang = 'fr', keyFile = TEST_KEY_FILE, passphrase = TEST_PASSPHRASE, query = '?pack=fixtures/handover-chenove.pack' } = {}) {
  const page = await context.newPage();
  const record = { consoleErrors: [], requests: [] };
  page.on('console', (m) => m.type() === 'error' && record.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => record.consoleErrors.push(String(e)));
  page.on('request', (r) => record.requests.push(r.url()));
  await page.goto(`${origin}/desk.html${query}`);
  await page.locator('main.desk h1').waitFor({ timeout: 20_000 });
  await page.locator(`.languages button[lang="${lang}"]`).click();
  await page.waitForFunction((code) => document.documentElement.lang === code, lang);
  if (keyFile) await loadKey(page, keyFile, passphrase);
  return { page, record };
}

/** Opens a key file with a passphrase on the desk page; waits for the key (or, `refused`, for the error shown). */
export async function loadKey(page, keyFile, passphrase, { refused = false } = {}) {
  await page.locator('#key-file').setInputFiles(keyFile);
  await page.locator('#key-passphrase').fill(passphrase);
  await page.locator('form.open-key button[type="submit"]').click();
  await page.locator(refused ? '.desk-key .error' : '.key-loaded').waitFor({ timeout: 20_000 });
}

/** Types a code on the desk page; resolves to the result section or the error shown. */
export async function typeCode(page, text) {
  await page.locator('#code-text').fill(text);
  await page.locator('.desk-scan form button[type="submit"]').click();
  const shown = page.locator('.desk-result, .desk-status .error').first();
  await shown.waitFor({ timeout: 20_000 });
  return shown;
}

/** What the desk shows: { aids: { id: group }, resident: { id: group }, questions: [ids], changed: bool }. */
export async function deskSummary(page) {
  return page.evaluate(() => ({
    aids: Object.fromEntries([...document.querySelectorAll('.desk-result [data-aid]')].map((li) => [li.dataset.aid, li.dataset.group])),
    resident: Object.fromEntries([...document.querySelectorAll('.desk-result [data-aid]')].map((li) => [li.dataset.aid, li.dataset.residentGroup])),
    questions: [...document.querySelectorAll('.desk-result [data-question]')].map((d) => d.dataset.question).sort(),
    changedVerdicts: document.querySelectorAll('.desk-result .verdict-changed').length,
    packChanged: document.querySelector('.desk-result .pack-state')?.classList.contains('changed'),
  }));
}
