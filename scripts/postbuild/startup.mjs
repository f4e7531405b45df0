// Step "start-up script": static/startup-template.js (preload of the first pack, the trap handler that shows
// the apology, the QR encoder's entry point, the idle precache) filled in, then Trunk's inline start-up code,
// minified into `boot-<hash>.js`, which index.html loads instead of the inline script (the CSP needs no
// 'unsafe-inline').
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, gzipBytes } from './bundle.mjs';
import { minifyJs } from './minify.mjs';
import { preloadTable } from './packs.mjs';

const INLINE = /<script type="module">([\s\S]*?)<\/script>/;

export async function writeStartupScript(bundle) {
  const match = bundle.html.match(INLINE);
  if (!match) {
    if (!bundle.finished) throw new Error('postbuild: no start-up script found in dist/index.html (did Trunk change its output?)');
    // A second run on a finished dist/: the script is already out; it must still load this QR encoder.
    const boot = bundle.html.match(/<script type="module" src="\.\/(boot-[0-9a-f]+\.js)"/)[1];
    if (![bundle.qrName, bundle.handoverName].every((name) => bundle.read(boot, 'utf8').includes(name))) throw new Error(`postbuild: ${boot} does not load ${bundle.qrName} and ${bundle.handoverName} (static/qr.js or static/handover.js changed since dist/ was finished: build again)`);
    return;
  }
  if (!/\*\s*as\s+bindings\b/.test(match[1])) throw new Error('postbuild: the start-up script no longer imports the glue as `bindings` (did Trunk change its output?)');
  const template = readFileSync(join(bundle.root, 'static/startup-template.js'), 'utf8');
  const filled = template.replace('__PACKS__', JSON.stringify(preloadTable(bundle.packs))).replaceAll('__QR_FILE__', JSON.stringify(`./${bundle.qrName}`))
    .replace('__HANDOVER_FILE__', JSON.stringify(`./${bundle.handoverName}`));
  if (/__[A-Z_]+__/.test(filled)) throw new Error('postbuild: static/startup-template.js has a placeholder left');
  // Trunk's code imports the glue statically: the whole module would then wait for the glue to arrive before
  // running any of it. Imported dynamically, the page's own part (the pack preload, the help before the app,
  // the prerendered start screen's taps) runs as soon as this script is there, while the glue and the wasm
  // still download (issue 16: every round trip counts on a slow connection).
  const STATIC_IMPORT = /import\s+(\w+)\s*,\s*\*\s*as\s+bindings\s+from\s*(['"][^'"]+['"]);?/;
  if (!STATIC_IMPORT.test(match[1])) throw new Error('postbuild: the start-up script no longer imports the glue as `import init, * as bindings from "..."` (did Trunk change its output?)');
  const trunk = match[1].trim().replace(STATIC_IMPORT, (_, init, glue) => `const bindings = await import(${glue});\nconst ${init} = bindings.default;`);
  const source = `${filled}\n${trunk}\n`;
  const small = await minifyJs('the start-up script', source);
  const code = gzipBytes(small) < gzipBytes(source) ? small : source;
  if (!code.includes(`./${bundle.qrName}`) || !code.includes('eligoQrPath')) throw new Error('postbuild: the start-up script lost the QR code entry point');
  if (!code.includes(`./${bundle.handoverName}`) || !code.includes('eligoHandover')) throw new Error('postbuild: the start-up script lost the handover entry point');
  const name = `boot-${contentHash(code)}.js`;
  bundle.write(name, code);
  if (code === small) bundle.note(name, source, small);
  bundle.html = bundle.html.replace(INLINE, `<script type="module" src="./${name}"></script>`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(bundle.html)) throw new Error('postbuild: an inline script is left in dist/index.html; the CSP would block it');
}
