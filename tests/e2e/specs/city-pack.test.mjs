// A city's own pack named by the page: a broken one gives a clear note for the webmaster (which file,
// which line, which field) and the app falls back to the built-in packs; a valid one is used; a pack from
// another origin or a missing file is refused the same way. Never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, ROOT, screenshotPath } from '../lib/harness.mjs';
import { axeViolations, serveDistWithFixtures } from '../lib/hosts.mjs';
import { act, answerAll, results, start } from '../lib/journey.mjs';

let served;
let context;

before(async () => {
  served = await serveDistWithFixtures();
  context = await launch();
});

after(async () => {
  await context?.close();
  served?.server.close();
});

async function open(query) {
  const opened = await openPage(context);
  await opened.page.goto(`${served.origin}/?${query}`);
  await opened.page.locator('main h1').waitFor({ timeout: 20_000 });
  return opened;
}

test('a broken pack: a note for the webmaster with file, line and field, and the built-in packs', async () => {
  const fixture = readFileSync(join(ROOT, 'tests/e2e/fixtures/broken-pack.json'), 'utf8').split('\n');
  const line = fixture.findIndex((l) => l.includes('agee')) + 1;
  const column = fixture[line - 1].indexOf('"agee') + 1;

  const { page } = await open('pack=fixtures/broken-pack.json');
  const note = page.locator('.webmaster-note');
  await note.waitFor();
  const text = await note.innerText();
  assert.match(text, /webmestre/i);
  assert.match(text, /intégrées/, 'says that the built-in rules are used');
  assert.ok(
    text.includes(`broken-pack.json, line ${line}, column ${column}, field aid[student_aid].criterion[1].when`),
    `locates the mistake at line ${line}, column ${column}:\n${text}`,
  );
  assert.match(text, /agee/);
  await page.screenshot({ path: screenshotPath('city-pack-broken'), fullPage: true });
  assert.deepEqual(await axeViolations(page), [], 'axe: the note for the webmaster');

  // The fallback works: the built-in territories, and a journey to the results.
  assert.equal(await page.locator('#territory-chenove').count(), 1);
  assert.equal(await page.locator('#territory-besancon').count(), 1);
  await start(page, 'chenove');
  await answerAll(page, { commune: 'chenove', age: 20 });
  const shown = await results(page);
  assert.ok(Object.keys(shown).length > 3, 'the built-in aids are shown');
});

test('a valid pack of the same origin is used instead of the built-in ones', async () => {
  const { page, record } = await open('pack=fixtures/city-pack.json');
  assert.equal(await page.locator('.webmaster-note').count(), 0);
  assert.equal(await page.locator('#territory-chenove').count(), 0, 'only the city pack');
  await act(page, () => page.locator('main button.primary').click());
  assert.equal(await page.locator('section.question').getAttribute('data-question'), 'age', 'the demo pack asks its age first');
  assert.deepEqual(record.consoleErrors, []);
});

test('a pack from another origin, or a missing file, is refused and the app still works', async () => {
  for (const [query, expected] of [
    ['pack=http://127.0.0.1:9/ville.json', /on this site/],
    ['pack=fixtures/missing.json', /404/],
    ['pack=javascript:alert(1)', /http/],
  ]) {
    const { page } = await open(query);
    const note = page.locator('.webmaster-note');
    await note.waitFor();
    assert.match(await note.innerText(), expected, query);
    assert.equal(await page.locator('#territory-chenove').count(), 1, `${query}: the built-in packs`);
    await page.close();
  }
});
