// Finishes a staff page that Trunk built in its own folder and merges it into dist/ (scripts/build-staff.sh):
//   1. Trunk's inline start-up script moved into dist/NAME-boot-<hash>.js (the CSP needs no 'unsafe-inline');
//   2. the CSP <meta> tag of content-security-policy.txt, every integrity (SRI) attribute checked;
//   3. NAME.html written to dist/, every other file to dist/NAME/ (replacing what a previous build left there).
// The resident page's steps that do not apply here are left out: no pack files (the studio embeds the sources),
// no service worker entry, no name shortening (size is not the staff page's constraint).
//
//   node scripts/postbuild-staff.mjs NAME <trunk output> <dist>
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, sri, writeWhole } from './postbuild/bundle.mjs';
import { minifyJs } from './postbuild/minify.mjs';

const [name, out, dist] = process.argv.slice(2);
if (!name || !out || !dist) throw new Error('usage: node scripts/postbuild-staff.mjs NAME <trunk output> <dist>');
const root = new URL('..', import.meta.url).pathname;
// Trunk names the page it writes index.html, whatever the source page is called.
let html = readFileSync(join(out, 'index.html'), 'utf8');

const INLINE = /<script type="module">([\s\S]*?)<\/script>/;
const inline = html.match(INLINE);
if (!inline) throw new Error(`postbuild-staff: no start-up script in ${name}.html (did Trunk change its output?)`);
const boot = await minifyJs(`${name}'s start-up script`, inline[1].trim());
const bootName = `${name}-boot-${contentHash(boot)}.js`;
html = html.replace(INLINE, `<script type="module" src="./${bootName}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error(`postbuild-staff: an inline script is left in ${name}.html; the CSP would block it`);

// The resident app's policy, plus what the page declares it needs in staff/NAME/csp-additions.txt, one directive
// per line (the desk's camera frames and photos: blob:/mediastream: media); a directive already in the policy
// is replaced, another one appended.
let policy = readFileSync(join(root, 'content-security-policy.txt'), 'utf8').trim();
const additions = join(root, 'staff', name, 'csp-additions.txt');
if (existsSync(additions)) {
  for (const line of readFileSync(additions, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const directive = line.split(/\s+/)[0];
    const current = new RegExp(`(^|; )${directive} [^;]*`);
    policy = current.test(policy) ? policy.replace(current, `$1${line}`) : `${policy}; ${line}`;
  }
}
html = html.replace(/(<meta charset="utf-8">)/, `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes(policy)) throw new Error(`postbuild-staff: could not insert the CSP meta tag in ${name}.html`);
for (const [tag, file, algorithm, digest] of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)="\.\/([^"]+)"[^>]*?\bintegrity="(sha\d+)-([^"]*)"[^>]*>/g)) {
  const path = file.startsWith(`${name}/`) ? join(out, file.slice(name.length + 1)) : join(dist, file);
  if (!existsSync(path) || sri(readFileSync(path), algorithm) !== `${algorithm}-${digest}`) throw new Error(`postbuild-staff: the integrity attribute does not match ${file}: ${tag}`);
}

const target = join(dist, name);
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const entry of readdirSync(out)) {
  if (entry === 'index.html' || entry.startsWith('.')) continue;
  cpSync(join(out, entry), join(target, entry), { recursive: true });
}
for (const old of readdirSync(dist).filter((f) => f.startsWith(`${name}-boot-`))) rmSync(join(dist, old));
writeWhole(join(dist, bootName), boot);
writeWhole(join(dist, `${name}.html`), html);
console.log(`postbuild-staff: ${name}.html, ${bootName} and ${name}/ merged into ${dist} (CSP set, no inline script)`);
