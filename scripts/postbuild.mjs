// Finishes the release bundle that Trunk wrote in dist/:
// - moves Trunk's inline start-up script into its own file, so that the Content-Security-Policy needs no
//   'unsafe-inline' and no per-build hash (the same policy works as an HTTP header on a city's server);
// - puts the policy of content-security-policy.txt in a <meta> tag at the top of <head>.
//
//   node scripts/postbuild.mjs [dist]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = process.argv[2] ?? join(root, 'dist');
const policy = readFileSync(join(root, 'content-security-policy.txt'), 'utf8').trim();
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const code = match[1].trim() + '\n';
  const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dist, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
} else if (!/<script type="module" src="\.\/boot-/.test(html)) {
  throw new Error('postbuild: no start-up script found in dist/index.html (did Trunk change its output?)');
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error('postbuild: an inline script is left in dist/index.html; the CSP would block it');
}

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
html = html.replace(/(<meta charset="utf-8">)/, `$1\n    ${meta}`);
if (!html.includes(meta)) throw new Error('postbuild: could not insert the CSP meta tag (no <meta charset="utf-8">?)');
writeFileSync(indexPath, html);
console.log(`postbuild: start-up script moved out of index.html, CSP set (${policy.length} characters)`);
