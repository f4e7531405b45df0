// Debian's Chromium through playwright-core, as every browser run of the project starts it (the end-to-end
// tests, the size report's first visit, the interaction benchmark). No node:test here: scripts import it too.
import { chromium } from 'playwright-core';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export { chromium };
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with a fresh profile (a persistent context, so the profile directory is really new). */
export async function launchFresh({ viewport = { width: 360, height: 740 }, locale = 'fr-FR', ...options } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'eligo-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport, locale, ...options });
  // The profile (3 MB each, one per test) goes once the browser has exited. Not on the 'close' event: Chromium
  // may still be writing into it then (a CI run failed on "directory not empty"). Whatever is left, the test
  // command removes with its temporary folder (scripts/test.sh).
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    } catch {
      // left for scripts/test.sh
    }
  };
  if (process.env.E2E_WATCH_MOVES) await watchMoves(context, process.env.E2E_WATCH_MOVES);
  const slowdown = Number(process.env.E2E_CPU_SLOWDOWN || 1);
  if (slowdown > 1) {
    for (const page of context.pages()) await slowDown(context, page, slowdown);
    context.on('page', (page) => slowDown(context, page, slowdown).catch(() => {}));
  }
  return context;
}

/**
 * `E2E_CPU_SLOWDOWN=4 npm test` in tests/e2e (after `source scripts/env.sh`) runs every page with its CPU
 * slowed down that many times (never in CI): a hunt for tests that read a screen before it is drawn, which pass
 * on a fast machine and fail on a busy one (a CI run was refused so). The tests' own waits run in Node, at
 * full speed.
 */
async function slowDown(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * `E2E_WATCH_MOVES=FILE npm test` writes to FILE (one JSON line each) every node a page takes out and puts back:
 * Yew moves nodes when a list it reconciles by position grows among its siblings, which costs a long task and
 * can take the focus away (the results screen did). A keyed list reordered on purpose is moved too (the studio's
 * "up" on a paper). Never in CI; the results screen has its own test.
 */
async function watchMoves(context, file) {
  await context.exposeBinding('__eligoMove', (_source, move) => appendFileSync(file, `${JSON.stringify(move)}\n`));
  await context.addInitScript(() => {
    const removed = new WeakSet();
    const name = (node) =>
      node.nodeType === 1
        ? [node.localName, node.id && `#${node.id}`, typeof node.className === 'string' && node.className && `.${node.className.trim().split(/\s+/).join('.')}`].filter(Boolean).join('')
        : `#text(${(node.textContent ?? '').slice(0, 20)})`;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) removed.add(node);
        for (const node of record.addedNodes) {
          if (removed.has(node)) window.__eligoMove({ page: location.pathname + location.search, node: name(node), parent: name(record.target) });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}
