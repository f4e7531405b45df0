// Finishes a staff page that Trunk built (scripts/build-staff.sh) and merges it into dist/: Trunk's inline start-up
// script moved into `NAME-boot-<hash>.js`, the page's Content-Security-Policy set in a <meta> tag (the resident
// app's, plus what a desk needs: camera frames and photos as blob:/mediastream: media), so that no inline script
// runs; then every file of the page named `NAME-…` (its style sheets would otherwise take the resident app's
// names with other content) and copied into dist/, never over a resident file.
//
//   node scripts/postbuild-staff.mjs <built folder> <NAME> <dist>
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [dir, name, dist] = process.argv.slice(2);
if (!dir || !name || !dist) throw new Error('usage: node scripts/postbuild-staff.mjs <built folder> <NAME> <dist>');
const root = new URL('..', import.meta.url).pathname;
// Trunk writes the page as index.html: it becomes NAME.html (dist/index.html is the resident app's).
if (existsSync(join(dir, 'index.html'))) renameSync(join(dir, 'index.html'), join(dir, `${name}.html`));
const htmlPath = join(dir, `${name}.html`);
let html = readFileSync(htmlPath, 'utf8');
const INLINE = /<script type="module"(?: nonce="[^"]*")?>([\s\S]*?)<\/script>/;
const inline = html.match(INLINE);
if (!inline) throw new Error(`postbuild-staff: no start-up script in ${htmlPath} (did Trunk change its output?)`);
const code = `${inline[1].trim()}\n`;
const boot = `${name}-boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, boot), code);
html = html.replace(INLINE, `<script type="module" src="./${boot}"></script>`);
// jsQR (copied by Trunk), loaded as a classic script: it defines globalThis.jsQR for the QR code reading.
if (html.includes('jsQR.js')) throw new Error('postbuild-staff: jsQR.js is already loaded');
html = html.replace('</head>', '<script src="./jsQR.js" defer></script>\n</head>');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error(`postbuild-staff: an inline script is left in ${htmlPath}; the CSP would block it`);
const policy = `${readFileSync(join(root, 'content-security-policy.txt'), 'utf8').trim()}; media-src 'self' blob: mediastream:`.replace("img-src 'self' data:", "img-src 'self' data: blob:");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    ${meta}`);
if (!html.includes(meta)) throw new Error('postbuild-staff: could not insert the CSP meta tag (no <meta charset="utf-8">?)');
// Every file named for the page (the page itself, its boot script and the snippets' folder already are), and
// every reference to it followed, in the page and in the boot script.
const renamed = [];
for (const file of readdirSync(dir)) {
  if (file === `${name}.html` || file.startsWith(`${name}-`) || file === 'snippets') continue;
  renameSync(join(dir, file), join(dir, `${name}-${file}`));
  renamed.push(file);
}
const follow = (text) => renamed.reduce((t, file) => t.replace(new RegExp(`(["'])\\.?/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`, 'g'), (_, q) => `${q}./${name}-${file}${q}`), text);
html = follow(html);
writeFileSync(join(dir, boot), follow(readFileSync(join(dir, boot), 'utf8')));
writeFileSync(htmlPath, html);
if (new RegExp(`(?:src|href)="\\.?/(?!${name}[-.]|snippets/)[^"]*"`).test(html)) throw new Error(`postbuild-staff: ${name}.html loads a file not named for it: ${html.match(/(?:src|href)="[^"]*"/g).join(' ')}`);

// Merge into dist/: a name clash with other content is an error, never an overwrite.
const files = (folder) => readdirSync(folder).flatMap((f) => (statSync(join(folder, f)).isDirectory() ? files(join(folder, f)).map((g) => join(f, g)) : [f]));
for (const file of files(dir)) {
  const target = join(dist, file);
  if (existsSync(target) && Buffer.compare(readFileSync(target), readFileSync(join(dir, file))) !== 0) throw new Error(`postbuild-staff: ${target} already exists in dist/ with other content`);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(dir, file), target);
}
// No resident page loads or links a file of the staff page.
for (const page of readdirSync(dist).filter((f) => f.endsWith('.html') && f !== `${name}.html`)) {
  const text = readFileSync(join(dist, page), 'utf8');
  const leak = [`"./${name}-`, `"./${name}.html`, `snippets/eligo-${name}`].find((mark) => text.includes(mark));
  if (leak) throw new Error(`postbuild-staff: dist/${page} refers to the staff page ${name} (${leak}): build the resident app again (bash scripts/build.sh)`);
}
console.log(`postbuild-staff: ${name}.html: start-up script moved to ${boot}, CSP set, ${files(dir).length} files merged into ${dist}`);
