// Privacy, proven: every request of a full resident journey (start → questions of each type with distinctive
// values → results → the take-away QR code, whose encoder is fetched then → a changed answer → print view →
// safety panel), of the kiosk page, of the embedding example (host page + widget) and of the handover to the CCAS
// desk (issue 18: the consent screen, the code, the kiosk wipe, the desk page) is recorded at the
// browser context (pages, frames and the service worker).
// All must be same-origin GETs of static files of dist/, with no query string (except the pages we open,
// whose query is the page's configuration) and no answer value in the URL, headers or body; no cookie, no
// storage, no IndexedDB at the end; the address never carries an answer; the title stays neutral.
// The last test feeds the same checks a page that leaks on purpose: each check must catch its leak.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch, openPage, serveDist } from '../lib/harness.mjs';
import { act, answerAll, fill, JOURNEY_DATE, results, start } from '../lib/journey.mjs';
import { examplePage, servePages } from '../lib/hosts.mjs';
import { openDesk, serveWithHandoverPacks, typeCode } from '../lib/handover.mjs';

const TITLE = 'Aides locales';
// Distinctive answers, and every way they could travel (typed, normalised, encoded).
const JOURNEY = {
  commune: 'chenove', age: 20, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true, student_resources: '300,00',
  study_zone: 'dijon', municipal_staff: false, household_size: 3, children_count: 0, receives: ['student_grant'],
  monthly_resources: '1 337,42', monthly_charges: '271,83', own_resources: true, housing: 'hosted',
  disability: false, single_parent: '?',
};
const NEEDLES = ['1337', '1 337', '1%20337', '1\u00a0337', '133742', '337,42', '337.42', '337%2C42', '27183', '271,83',
  '271.83', '271%2C83', '2718', '2 718', '2%20718', '271828', '718,28', '718.28', 'student_grant', 'hosted', 'monthly_resources', 'household_size'];

let widget;
let context;

before(async () => {
  widget = await serveDist();
  context = await launch();
  await context.clock.setFixedTime(JOURNEY_DATE);
});

after(async () => {
  await context?.close();
  widget?.server.close();
});

/** Records every request and WebSocket of the context (all pages, frames and the service worker). */
function recordContext(ctx) {
  const requests = [];
  const sockets = [];
  const onRequest = (request) => requests.push(request);
  ctx.on('request', onRequest);
  const onPage = (page) => page.on('websocket', (ws) => sockets.push(ws.url()));
  ctx.on('page', onPage);
  for (const page of ctx.pages()) onPage(page);
  return {
    requests,
    sockets,
    stop: () => {
      ctx.off('request', onRequest);
      ctx.off('page', onPage);
    },
  };
}

function isStaticFile(pathname, dir = DIST) {
  const file = join(dir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(dir) && existsSync(file) && statSync(file).isFile();
}

/**
 * What is wrong with the recorded requests: `opened` are the addresses we navigated to ourselves (their query
 * is the page's configuration); `hosts` maps other allowed origins to the paths they may serve.
 */
async function requestProblems(recorded, { origin, opened = [], hosts = {}, dir = DIST, needles = NEEDLES }) {
  const problems = [];
  if (recorded.sockets.length) problems.push(`WebSocket: ${recorded.sockets.join(' ')}`);
  for (const request of recorded.requests) {
    const url = new URL(request.url());
    const label = `${request.method()} ${request.url()}`;
    // A file the page made itself (the studio's downloads): nothing leaves the device.
    if (url.protocol === 'blob:' && request.method() === 'GET') continue;
    if (request.method() !== 'GET') problems.push(`not a GET: ${label}`);
    if (['ping', 'beacon', 'eventsource', 'websocket'].includes(request.resourceType())) {
      problems.push(`${request.resourceType()}: ${label}`);
    }
    if (url.origin === origin) {
      if (!isStaticFile(url.pathname, dir)) problems.push(`not a static file of dist/: ${label}`);
      if (url.search && !opened.includes(request.url())) problems.push(`a query string: ${label}`);
      if (url.hash) problems.push(`a fragment: ${label}`);
    } else if (hosts[url.origin]) {
      if (!hosts[url.origin].includes(url.pathname + url.search)) problems.push(`not the host page: ${label}`);
    } else if (!url.protocol.startsWith('data')) {
      problems.push(`another origin: ${label}`);
    }
    const headers = await request.allHeaders();
    if (headers.cookie) problems.push(`a cookie header: ${label}`);
    const body = request.postData() ?? '';
    const carried = [decodeURIComponent(request.url()), request.url(), JSON.stringify(headers), body].join('\n');
    for (const needle of needles) {
      if (carried.includes(needle)) problems.push(`carries "${needle}": ${label}`);
    }
  }
  return problems;
}

/** What the page keeps: cookies (context and document), storage, IndexedDB, cached requests. */
async function storageProblems(page, frame = page.mainFrame(), dir = DIST) {
  const problems = [];
  const cookies = await page.context().cookies();
  if (cookies.length) problems.push(`cookies: ${cookies.map((c) => c.name).join(' ')}`);
  const kept = await frame.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    cached: 'caches' in self
      ? (await Promise.all((await caches.keys()).map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat()
      : [],
  }));
  if (kept.cookie) problems.push(`document.cookie: ${kept.cookie}`);
  if (kept.local.length) problems.push(`localStorage: ${kept.local.join(' ')}`);
  if (kept.session.length) problems.push(`sessionStorage: ${kept.session.join(' ')}`);
  if (kept.databases.length) problems.push(`IndexedDB: ${kept.databases.join(' ')}`);
  for (const url of kept.cached) {
    const { pathname, search } = new URL(url);
    if (search || !isStaticFile(pathname, dir)) problems.push(`cached: ${url}`);
  }
  return problems;
}

/** The address and the title at this moment: no answer, a neutral title. */
async function addressProblems(page, frame = page.mainFrame(), expected, neutral = TITLE) {
  const problems = [];
  const url = frame.url();
  if (expected && url !== expected) problems.push(`the address changed: ${url}`);
  for (const needle of NEEDLES) if (decodeURIComponent(url).includes(needle)) problems.push(`address carries ${needle}`);
  const title = await frame.evaluate(() => document.title);
  if (title !== neutral) problems.push(`title: ${title}`);
  return problems;
}

test('a full journey sends nothing anywhere, keeps nothing, and never puts an answer in the address', async () => {
  const recorded = recordContext(context);
  const { page, record } = await openPage(context);
  const home = widget.origin + '/';
  const addresses = [];
  page.on('framenavigated', (frame) => addresses.push(frame.url()));
  const checkpoint = async (where) => assert.deepEqual(await addressProblems(page, page.mainFrame(), home), [], where);

  await page.goto(home);
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await checkpoint('start');
  await start(page, 'chenove');
  await checkpoint('first question');
  const asked = await answerAll(page, JOURNEY);
  // One question of each type: one-of, integer, yes/no, several-of, money.
  for (const id of ['commune', 'age', 'has_bac', 'receives', 'monthly_resources']) assert.ok(asked.includes(id), `${id}: ${asked}`);
  await results(page);
  await checkpoint('results');
  assert.match(await page.locator('section.answers').innerText(), /1[\s\u202f\u00a0]?337,42/, 'the amount was taken');

  // The take-away QR code (its encoder is fetched now), and closed again.
  const qrToggle = page.locator('.take-away button[aria-controls="take-away-qr"]');
  await qrToggle.click();
  await page.locator('.qr-figure svg.qr path').waitFor();
  await checkpoint('QR code');
  await qrToggle.click();
  await page.locator('.qr-figure').waitFor({ state: 'detached' });

  // Change an answer from the summary.
  await act(page, () => page.locator('#answer-monthly_resources button').click());
  await fill(page, '2 718,28');
  await act(page, () => page.locator('section.question button[type="submit"]').click());
  await results(page);
  await checkpoint('changed answer');

  // The print view, with the answers printed.
  await act(page, () => page.locator('section.results .actions button.primary').click());
  await act(page, () => page.locator('section.print-view #print-answers').check());
  await checkpoint('print view');
  await act(page, () => page.locator('section.print-view .actions button.secondary').click());

  // The safety panel, and back.
  await act(page, () => page.locator('button.urgent').click());
  await page.locator('section.safety').waitFor();
  await checkpoint('safety panel');
  await act(page, () => page.locator('section.safety button.secondary').click());
  await checkpoint('back from the safety panel');

  await page.waitForTimeout(500);
  recorded.stop();
  assert.ok(recorded.requests.length >= 4, `the recording works (${recorded.requests.length} requests)`);
  assert.deepEqual(await requestProblems(recorded, { origin: widget.origin }), []);
  assert.deepEqual(await storageProblems(page), []);
  assert.ok(addresses.every((a) => a === home), `every address: ${[...new Set(addresses)]}`);
  assert.deepEqual(record.consoleErrors, []);
});

test('the kiosk page sends nothing and keeps nothing either', async () => {
  const recorded = recordContext(context);
  const { page, record } = await openPage(context);
  const kiosk = `${widget.origin}/?kiosk=1&territory=chenove`;
  await page.goto(kiosk);
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  await start(page);
  await answerAll(page, JOURNEY);
  await results(page);
  assert.deepEqual(await addressProblems(page, page.mainFrame(), kiosk), [], 'results');
  await page.locator('.kiosk-finish').click();
  await page.locator('section.start').waitFor({ timeout: 5_000 });
  assert.deepEqual(await addressProblems(page, page.mainFrame(), kiosk), [], 'after Finish');
  assert.doesNotMatch(await page.locator('body').innerText(), /1[\s\u202f\u00a0]?337/);
  recorded.stop();
  assert.deepEqual(await requestProblems(recorded, { origin: widget.origin, opened: [kiosk] }), []);
  assert.deepEqual(await storageProblems(page), []);
  assert.deepEqual(record.consoleErrors, []);
});

test('the embedding example (host page and widget) sends nothing and keeps nothing', async () => {
  const host = await servePages({ '/': { body: examplePage(widget.origin) } });
  try {
    const recorded = recordContext(context);
    const { page, record } = await openPage(context);
    await page.goto(host.origin + '/');
    const frame = page.frameLocator('iframe[data-eligo]');
    await frame.locator('main h1').waitFor({ timeout: 20_000 });
    const widgetFrame = page.frames().find((f) => f.url().startsWith(widget.origin));
    const opened = widgetFrame.url();
    assert.match(opened, /\?embed=1&territory=chenove&lang=fr&host=/, 'the widget address holds its configuration only');

    const framePage = { locator: (s) => frame.locator(s), waitForFunction: (fn, arg) => widgetFrame.waitForFunction(fn, arg) };
    await act(framePage, () => frame.locator('main button.primary').click());
    await answerAll(framePage, JOURNEY);
    await frame.locator('section.results').waitFor();
    assert.deepEqual(await addressProblems(page, widgetFrame, opened), [], 'the widget address');
    assert.equal(page.url(), host.origin + '/', 'the host page address');
    assert.equal(await page.title(), 'Exemple : Eligo dans une page de la ville');

    recorded.stop();
    const problems = await requestProblems(recorded, { origin: widget.origin, opened: [opened], hosts: { [host.origin]: ['/'] } });
    assert.deepEqual(problems, []);
    assert.deepEqual(await storageProblems(page, widgetFrame), [], 'the widget keeps nothing');
    assert.deepEqual(await storageProblems(page), [], 'nor the host page');
    assert.deepEqual(record.consoleErrors, []);
  } finally {
    host.server.close();
  }
});

test('the handover (issue 18): the consent screen and the desk page send nothing, keep nothing, and the wipe removes the code', async () => {
  const handover = await serveWithHandoverPacks();
  try {
    // The kiosk page on a TEST pack with the TEST key: the code only after consent, then the wipe.
    const recorded = recordContext(context);
    const { page, record } = await openPage(context);
    const kiosk = `${handover.origin}/?kiosk=1&pack=fixtures/handover-chenove.pack`;
    await page.goto(kiosk);
    await page.locator('main h1').waitFor({ timeout: 20_000 });
    await start(page);
    await answerAll(page, JOURNEY);
    await results(page);
    await act(page, () => page.locator('section.results .actions button.primary').click());
    await page.locator('section.handover').waitFor();
    assert.equal(await page.locator('.handover-code, .handover-text').count(), 0, 'no code before consent');
    assert.deepEqual(await addressProblems(page, page.mainFrame(), kiosk), [], 'the consent screen');
    await page.locator('section.handover button').click();
    await page.locator('.handover-code svg.qr path').waitFor({ timeout: 20_000 });
    const code = (await page.locator('.handover-text').innerText()).replace(/\s+/g, '');
    assert.deepEqual(await addressProblems(page, page.mainFrame(), kiosk), [], 'the code shown');
    // The kiosk's "Finish" (the wipe) removes it with everything else.
    await page.locator('.kiosk-finish').click();
    await page.locator('section.start').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('.handover-code, .handover-text, section.handover').count(), 0, 'the wipe removes the code');
    assert.ok(!(await page.content()).includes(code.slice(0, 24)), 'the code is nowhere in the page');

    // The desk page opens it: no other origin, nothing stored, nothing in the address.
    const desk = await openDesk(context, handover.origin);
    const deskAddress = `${handover.origin}/desk.html?pack=fixtures/handover-chenove.pack`;
    await typeCode(desk.page, code);
    await desk.page.locator('.desk-result').waitFor();
    assert.deepEqual(await addressProblems(desk.page, desk.page.mainFrame(), deskAddress, 'Eligo — accueil CCAS'), [], 'the desk page');
    await desk.page.locator('button.next').click();
    await desk.page.locator('.desk-result').waitFor({ state: 'detached' });
    await desk.page.waitForTimeout(300);
    recorded.stop();
    const needles = [...NEEDLES, code.slice(0, 24)];
    assert.deepEqual(await requestProblems(recorded, { origin: handover.origin, opened: [kiosk, deskAddress], dir: handover.dir, needles }), []);
    assert.deepEqual(await storageProblems(page, page.mainFrame(), handover.dir), [], 'the resident page keeps nothing');
    assert.deepEqual(await storageProblems(desk.page, desk.page.mainFrame(), handover.dir), [], 'the desk page keeps nothing');
    assert.deepEqual([...record.consoleErrors, ...desk.record.consoleErrors], []);
    await desk.page.close();
  } finally {
    handover.server.close();
  }
});

test('the staff studio sends nothing anywhere and keeps nothing, whatever is opened, edited or downloaded', async () => {
  const recorded = recordContext(context);
  const { page, record } = await openPage(context);
  const studio = `${widget.origin}/studio.html`;
  await page.goto(studio);
  await page.locator('h1').waitFor({ timeout: 20_000 });
  await page.locator('#studio-built-in').selectOption('chenove');
  await page.locator('#studio-open-built-in').click();
  for (const step of ['edit', 'cases', 'preview', 'board', 'publish']) {
    await page.locator(`#tab-${step}`).click();
    await page.locator(`#tab-${step}[aria-current="page"]`).waitFor();
    if (step === 'edit') {
      // Typed into the editor: a distinctive value.
      await page.locator('.editor .cm-content').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('# 1337,42\n');
      await page.waitForTimeout(400);
    }
    if (step === 'preview') {
      await page.locator('.preview-frame main h1').waitFor();
      await act(page, () => page.locator('.preview-frame main button.primary').click());
      await answerAll(page, JOURNEY);
      await results(page);
    }
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.download').first().click()]);
  await download.path();
  await page.waitForTimeout(500);
  recorded.stop();
  assert.equal(page.url(), studio, 'the address never changes');
  assert.deepEqual(await requestProblems(recorded, { origin: widget.origin }), []);
  assert.deepEqual(await storageProblems(page), []);
  assert.deepEqual(record.consoleErrors, []);
});

test('the checks catch each kind of leak (a page leaking on purpose)', async () => {
  const leaky = await launch();
  try {
    const recorded = recordContext(leaky);
    const { page } = await openPage(leaky);
    await page.goto(widget.origin + '/');
    await page.locator('main h1').waitFor({ timeout: 20_000 });
    await page.evaluate(async () => {
      await fetch('./sw.js?income=1337');
      await fetch('./index.html', { method: 'POST', body: 'income=1 337,42' });
      await fetch('./index.html', { headers: { 'x-answer': '133742' } });
      navigator.sendBeacon('./index.html', 'x');
      await fetch('./missing-endpoint');
      document.cookie = 'answer=1';
      localStorage.setItem('answers', '{}');
      sessionStorage.setItem('step', '1');
      indexedDB.open('answers');
      history.replaceState(null, '', '?income=1337');
      document.title = 'Revenus 1337';
    });
    await page.waitForTimeout(500);
    recorded.stop();
    const requests = (await requestProblems(recorded, { origin: widget.origin })).join('\n');
    for (const leak of ['a query string: GET', 'not a GET: POST', 'carries "1 337"', 'carries "133742"',
      'not a static file of dist/: GET', 'carries "1337"']) {
      assert.ok(requests.includes(leak), `caught: ${leak}\n${requests}`);
    }
    assert.match(requests, /beacon|ping|not a GET: POST .*index\.html/);
    const stored = (await storageProblems(page)).join('\n');
    for (const leak of ['cookies: answer', 'document.cookie', 'localStorage: answers', 'sessionStorage: step', 'IndexedDB: answers']) {
      assert.ok(stored.includes(leak), `caught: ${leak}\n${stored}`);
    }
    const address = (await addressProblems(page, page.mainFrame(), widget.origin + '/')).join('\n');
    for (const leak of ['the address changed', 'address carries 1337', 'title: Revenus']) {
      assert.ok(address.includes(leak), `caught: ${leak}\n${address}`);
    }
  } finally {
    await leaky.close();
  }
});
