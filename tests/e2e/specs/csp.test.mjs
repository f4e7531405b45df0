import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, servedApp } from '../lib/harness.mjs';

const app = servedApp();

test('the page carries a strict Content-Security-Policy that blocks an injected inline script', async () => {
  const { page } = await openPage(app.context);
  await page.goto(app.origin + '/');
  await page.locator('main h1').waitFor({ timeout: 20_000 });

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, 'scripts from the same origin only, no inline');
  assert.doesNotMatch(policy, /unsafe-inline|https?:|\*/, 'no inline code, no other origin, no wildcard');
  assert.equal(await page.locator('script:not([src])').count(), 0, 'the page itself has no inline script');

  const outcome = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.body.append(script);
        setTimeout(() => resolve(window.__injected ? 'ran' : 'no violation event'), 2000);
      }),
  );
  assert.match(outcome, /^script-src/, 'the injected script is refused by the script-src directive');
  assert.equal(await page.evaluate(() => window.__injected), undefined, 'the injected script did not run');
});
