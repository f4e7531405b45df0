// Finishes a staff page that Trunk built (scripts/build-staff.sh): Trunk's inline start-up script moved into
// `NAME-boot-<hash>.js` and the page's Content-Security-Policy set in a <meta> tag (the resident app's, plus
// what a desk needs: camera frames and photos as blob:/mediastream: media), so that no inline script runs.
//
//   node scripts/postbuild-staff.mjs <built folder> <NAME>
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, name] = process.argv.slice(2);
if (!dir || !name) throw new Error('usage: node scripts/postbuild-staff.mjs <built folder> <NAME>');
const root = new URL('..', import.meta.url).pathname;
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
writeFileSync(htmlPath, html);
console.log(`postbuild-staff: ${name}.html: start-up script moved to ${boot}, CSP set`);
