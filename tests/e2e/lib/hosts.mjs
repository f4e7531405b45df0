// Small local servers for the embedding and city-pack tests: a host page on its own port (like a city's
// site), a foreign page on a third port, and a copy of dist/ with extra files (a pack fixture).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, buildPack, serveDist } from './harness.mjs';

/** Serves fixed pages { path: { body, headers } } on a free port; returns { server, origin }. */
export async function servePages(pages) {
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url, 'http://localhost').pathname];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(page.headers ?? {}) }).end(page.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** The example page of static/, pointed at the widget's address as a webmaster would do it. */
export function examplePage(widgetOrigin) {
  return readFileSync(join(DIST, 'embed-example.html'), 'utf8').replaceAll('"./', `"${widgetOrigin}/`);
}

/**
 * Serves a copy of dist/ plus the files of tests/e2e/fixtures/ (under /fixtures/), with the city pack
 * built as a webmaster would (`eligo-rules build`): fixtures/city-pack.pack, and a copy cut in half,
 * fixtures/damaged.pack, and one with a `javascript:` link patched in, fixtures/bad-link.pack.
 */
export async function serveDistWithFixtures(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'eligo-dist-'));
  cpSync(DIST, dir, { recursive: true });
  cpSync(join(ROOT, 'tests/e2e/fixtures'), join(dir, 'fixtures'), { recursive: true });
  const built = join(dir, 'fixtures/city-pack.pack');
  buildPack('tests/e2e/fixtures/city-pack/pack.toml', built);
  const bytes = readFileSync(built);
  writeFileSync(join(dir, 'fixtures/damaged.pack'), bytes.subarray(0, bytes.length >> 1));
  // fixtures/bad-link.pack: the built pack with a source link patched in place to a `javascript:` one of the
  // same length (what tests/e2e/fixtures/bad-link describes, which `build` itself refuses to write).
  const [from, to] = [Buffer.from('https://example.org/d'), Buffer.from('javascript:alert(1)//')];
  const at = bytes.indexOf(from);
  if (at < 0) throw new Error('hosts.mjs: the city pack no longer links https://example.org/d');
  const patched = Buffer.from(bytes);
  to.copy(patched, at);
  writeFileSync(join(dir, 'fixtures/bad-link.pack'), patched);
  return serveDist(dir, options);
}

/** axe-core (WCAG 2.1 A and AA) on the page as it is: the list of violations as `rule: targets`. */
export async function axeViolations(page) {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
