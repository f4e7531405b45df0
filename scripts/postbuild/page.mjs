// Step "page": the policy of content-security-policy.txt in a <meta> tag at the top of <head>, then every
// integrity attribute checked against its file's bytes (or the browser refuses the file), then index.html
// written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sri } from './bundle.mjs';

export function setPolicyAndCheckIntegrity(bundle) {
  const policy = readFileSync(join(bundle.root, 'content-security-policy.txt'), 'utf8').trim();
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  bundle.html = bundle.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
  bundle.html = bundle.html.replace(/(<meta charset="utf-8">)/, `$1\n    ${meta}`);
  if (!bundle.html.includes(meta)) throw new Error('postbuild: could not insert the CSP meta tag (no <meta charset="utf-8">?)');
  for (const [tag, file, algorithm, digest] of bundle.html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="\.\/([^"]+)"[^>]*?\bintegrity="(sha\d+)-([^"]*)"[^>]*>/g)) {
    if (sri(bundle.read(file), algorithm) !== `${algorithm}-${digest}`) throw new Error(`postbuild: the integrity attribute does not match ${file}: ${tag}`);
  }
  bundle.saveHtml();
  console.log(`postbuild: start-up script moved out of index.html, CSP set (${policy.length} characters)`);
}
