// A city's own pack named by the page (the file `eligo-rules build` writes): a damaged one, or the rules
// text published instead of the built file, gives a clear note for the webmaster (which file, what is
// wrong, what to run) and the app falls back to the built-in packs; a valid one is used; a pack from
// another origin or a missing file is refused the same way. Never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshotPath } from '../lib/harness.mjs';
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

test('a damaged pack: a note for the webmaster naming the file and what is wrong, and the built-in packs', async () => {
  const { page } = await open('pack=fixtures/damaged.pack');
  const note = page.locator('.webmaster-note');
  await note.waitFor();
  const text = await note.innerText();
  assert.match(text, /webmestre/i);
  assert.match(text, /intégrées/, 'says that the built-in rules are used');
  assert.match(text, /damaged\.pack: this pack file is damaged \(it cannot be read past byte \d+\): build it again with `eligo-rules build`/);
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

test('the rules text published instead of the built file: the note says which commands to run', async () => {
  const { page } = await open('pack=fixtures/city-pack/pack.toml');
  const note = page.locator('.webmaster-note');
  await note.waitFor();
  const text = await note.innerText();
  assert.match(text, /pack\.toml: this is the text of a pack/);
  assert.match(text, /eligo-rules build pack\.toml -o ville\.pack/);
  assert.match(text, /eligo-rules check/);
  assert.equal(await page.locator('#territory-chenove').count(), 1, 'the built-in packs');
});

test('a valid pack of the same origin is used instead of the built-in ones', async () => {
  const { page, record } = await open('pack=fixtures/city-pack.pack');
  assert.equal(await page.locator('.webmaster-note').count(), 0);
  assert.equal(await page.locator('#territory-chenove').count(), 0, 'only the city pack');
  await act(page, () => page.locator('main button.primary').click());
  assert.equal(await page.locator('section.question').getAttribute('data-question'), 'age', 'the demo pack asks its age first');
  assert.deepEqual(record.consoleErrors, []);
});

test('a pack from another origin, or a missing file, is refused and the app still works', async () => {
  for (const [query, expected] of [
    ['pack=http://127.0.0.1:9/ville.pack', /on this site/],
    ['pack=fixtures/missing.pack', /404/],
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
