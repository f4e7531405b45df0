// Embedding in a city's page: the host page (static/embed-example.html with the widget's address) on one
// local port, the widget on another. The iframe's height follows the content through postMessage, and a
// message from any other origin or window is ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, serveDist, screenshotPath } from '../lib/harness.mjs';
import { examplePage, servePages } from '../lib/hosts.mjs';

let widget;
let host;
let foreign;
let context;

before(async () => {
  widget = await serveDist();
  foreign = await servePages({
    '/forged.html': {
      body: `<!doctype html><title>forged</title><script>
        parent.postMessage({ type: 'eligo:height', height: 4321 }, '*');
      </script>`,
    },
  });
  // The city's page, with the kind of Content-Security-Policy a careful city would send.
  const csp = `default-src 'self'; img-src data:; script-src ${widget.origin}; frame-src ${widget.origin} ${'http://127.0.0.1:*'}`;
  host = await servePages({
    '/': { body: examplePage(widget.origin), headers: { 'Content-Security-Policy': csp } },
    '/wrong-host.html': {
      body: examplePage(widget.origin).replace('data-eligo-src', 'src').replace('embed=1&amp;', 'embed=1&amp;host=http://127.0.0.1:9&amp;'),
    },
  });
  context = await launch({ viewport: { width: 800, height: 700 } });
});

after(async () => {
  await context?.close();
  for (const s of [widget, host, foreign]) s?.server.close();
});

async function heights(page) {
  const frame = page.frames().find((f) => f.url().startsWith(widget.origin));
  const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const iframe = await page.locator('iframe[data-eligo]').evaluate((el) => el.clientHeight);
  return { content, iframe };
}

async function waitForFit(page) {
  await page.waitForFunction(
    (origin) => {
      const iframe = document.querySelector('iframe[data-eligo]');
      return iframe?.dataset.eligoHeight !== undefined && iframe.src.startsWith(origin);
    },
    widget.origin,
  );
  for (let i = 0; i < 40; i++) {
    const h = await heights(page);
    if (Math.abs(h.content - h.iframe) <= 1) return h;
    await page.waitForTimeout(100);
  }
  return heights(page);
}

test('the iframe takes the height of the widget content, and follows it', async () => {
  const { page, record } = await openPage(context);
  await page.goto(host.origin + '/');
  const frame = page.frameLocator('iframe[data-eligo]');
  await frame.locator('main h1').waitFor({ timeout: 20_000 });

  const src = await page.locator('iframe[data-eligo]').getAttribute('src');
  assert.equal(new URL(src).searchParams.get('host'), host.origin, 'embed.js gave the host origin');
  assert.equal(new URL(src).searchParams.get('territory'), 'chenove');

  const first = await waitForFit(page);
  assert.ok(Math.abs(first.content - first.iframe) <= 1, `iframe ${first.iframe}px for ${first.content}px of content`);
  assert.notEqual(first.iframe, 900, 'not the fixed height of the markup');
  assert.equal(await frame.locator('#territory-chenove').count(), 0, 'the territory is fixed by the page');

  // Another screen, another height.
  await frame.locator('main button.primary').click();
  await frame.locator('section.question').waitFor();
  await page.waitForFunction((h) => {
    const now = document.querySelector('iframe[data-eligo]').clientHeight;
    return Math.abs(now - h) > 1;
  }, first.iframe);
  const second = await waitForFit(page);
  assert.ok(Math.abs(second.content - second.iframe) <= 1, `iframe ${second.iframe}px for ${second.content}px`);
  await page.screenshot({ path: screenshotPath('embed-host-page'), fullPage: true });

  // Messages from elsewhere change nothing: the host page itself, and a frame of a third origin.
  await page.evaluate(() => window.postMessage({ type: 'eligo:height', height: 1234 }, '*'));
  await page.evaluate((url) => {
    const forged = document.createElement('iframe');
    forged.src = url;
    forged.id = 'forged';
    document.body.append(forged);
  }, foreign.origin + '/forged.html');
  await page.frameLocator('#forged').locator('title').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  const after = await heights(page);
  assert.equal(after.iframe, second.iframe, 'wrong-origin messages are ignored');
  assert.ok(Math.abs(after.content - after.iframe) <= 1);

  assert.deepEqual(record.consoleErrors, [], 'no console error');
  const requests = record.requests.filter((r) => !r.url.startsWith(host.origin) && !r.url.startsWith(foreign.origin));
  assert.ok(requests.every((r) => r.url.startsWith(widget.origin + '/') && r.method === 'GET'), 'the widget only asks its origin');
});

test('a widget told another host origin than its real embedder sends no height', async () => {
  const { page } = await openPage(context);
  await page.goto(host.origin + '/wrong-host.html');
  await page.frameLocator('iframe[data-eligo]').locator('main h1').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(800);
  const height = await page.locator('iframe[data-eligo]').evaluate((el) => el.clientHeight);
  assert.equal(height, 900, 'the markup height stays: no message reached the page');
  assert.equal(await page.locator('iframe[data-eligo]').getAttribute('data-eligo-height'), null);
});

test('a theme colour is applied when it is readable, refused otherwise', async () => {
  const { page } = await openPage(context);
  await page.goto(widget.origin + '/?primary=%23006633');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  const colour = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--eligo-primary').trim());
  assert.equal(colour, '#006633');
  assert.equal(await page.locator('[style]').count(), 1, 'only <html> carries the custom properties (set through the CSSOM)');

  await page.goto(widget.origin + '/?primary=%23ffdd00');
  await page.locator('main h1').waitFor({ timeout: 20_000 });
  const kept = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--eligo-primary').trim());
  assert.equal(kept, '#1d4f91', 'a colour too light for white text is refused');
  assert.match(await page.locator('.webmaster-note').innerText(), /contrast/);
});

test('"leave quickly" in the widget replaces the whole tab, not only the frame', async () => {
  const { page } = await openPage(context);
  await page.route('https://www.google.fr/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>neutral</title>' }));
  await page.goto(host.origin + '/');
  const frame = page.frameLocator('iframe[data-eligo]');
  await frame.locator('main h1').waitFor({ timeout: 20_000 });
  await frame.locator('button.leave').click();
  await page.waitForURL('https://www.google.fr/**');
  assert.equal(await page.title(), 'neutral');
});
