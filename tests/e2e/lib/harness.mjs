// Shared set-up of the end-to-end tests: the release build served on a free local port, Debian's Chromium
// through playwright-core, and a page that records console errors and every request it makes.
import { execFileSync } from 'node:child_process';
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../../scripts/serve-dist.mjs';
import { launchFresh } from './chromium.mjs';

export { CHROMIUM_ARGS } from './chromium.mjs';

export const ROOT = new URL('../../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');

/** Serves dist/ on a free port of 127.0.0.1; returns { server, origin }. `options.log` receives every response. */
export async function serveDist(dir = DIST, options = {}) {
  const server = await startServer({ dir, port: 0, quiet: true, ...options });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Launches Chromium with a fresh profile (a persistent context, so the profile directory is really new). */
export async function launch(options = {}) {
  return launchFresh(options);
}

/** Opens a page that records console errors, page errors and requests. */
export async function openPage(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const record = { consoleErrors: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => record.consoleErrors.push(String(error)));
  page.on('request', (request) => record.requests.push({ url: request.url(), method: request.method() }));
  return { page, record };
}

export function screenshotPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

/**
 * Registers the usual hooks of a spec file: dist/ served and a fresh Chromium before the tests, both closed
 * after them. Returns an object whose `origin` and `context` are set once the hooks have run.
 */
export function servedApp(launchOptions) {
  const app = { origin: undefined, context: undefined, server: undefined };
  before(async () => {
    const served = await serveDist();
    app.server = served.server;
    app.origin = served.origin;
    app.context = await launch(launchOptions);
  });
  after(async () => {
    await app.context?.close();
    app.server?.close();
  });
  return app;
}

/**
 * Waits until the async `check` (run here, in Node) resolves to a truthy value, and returns it; `what` names it
 * in the error after `timeout` ms.
 */
export async function waitUntil(check, { timeout = 10_000, interval = 100, what = String(check) } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`still false after ${timeout} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Waits until the async `predicate` (run in the page, e.g. reading the service worker's caches) resolves to a
 * truthy value. page.waitForFunction cannot: it takes the promise itself for a truthy value.
 */
export async function waitInPage(page, predicate, { arg, ...options } = {}) {
  return waitUntil(() => page.evaluate(predicate, arg), { what: `waitInPage: ${predicate}`, ...options });
}

/** The paths of every file in the service worker's caches, sorted. */
export const cachedPaths = (page) =>
  page.evaluate(async () => {
    const paths = [];
    for (const name of await caches.keys()) paths.push(...(await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname));
    return paths.sort();
  });

/** Builds the pack file of `toml` into `out` with the rules checker, as a webmaster or the studio's publish
 * step would (`eligo-rules build`): the one place the end-to-end tests run it. */
export function buildPack(toml, out) {
  execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'eligo-engine', '--bin', 'eligo-rules', '--', 'build', toml, '-o', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
