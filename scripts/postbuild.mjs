// Finishes the release bundle that Trunk wrote in dist/, in named steps (one module each in
// scripts/postbuild/; docs/performance.md says what each saves):
//   1. wasm names and JS glue: short names for the wasm's imports and closure exports in the wasm and the glue
//      (wasm-names.mjs), then the glue minified by terser (exports and import names checked);
//   2. one style sheet: the sheets joined in link order and minified by csso;
//   3. pack files: build.rs's manifest (`eligo-packs.json`) read, its files copied into dist/packs/;
//   4. QR code encoder: static/qr.js minified into qr-<hash>.js (same export, same codes);
//   4b. handover sealing: static/handover.js minified into handover-<hash>.js (same exports; it seals what the
//      source opens), imported on a resident's consent only (issue 18);
//   5. start-up script: static/startup-template.js (pack preload from the manifest, trap handler, QR and
//      handover entry points, idle precache) and Trunk's inline script, minified into boot-<hash>.js (no inline script: the
//      CSP needs no 'unsafe-inline');
//   5b. prerendered start screen: tools/prerender's HTML (the app's start screen, rendered at build time) put
//      into index.html's <body> (scripts/postbuild/prerender.mjs);
//   6. page: the CSP <meta> tag, every integrity (SRI) attribute checked, index.html written;
//   7. service worker: sw.js from static/sw-template.js and the final files.
// Steps 1 and 2 leave a finished dist/ (a second run) as it is. Deterministic (the same dist/ from Trunk gives
// the same files), and it stops with an error rather than ship a file it could not finish.
//
//   node scripts/postbuild.mjs [dist] --pack-manifest <target>/wasm32-unknown-unknown/release/eligo-packs.json \
//     --prerender <target>/prerender.html
import { join } from 'node:path';
import { Bundle } from './postbuild/bundle.mjs';
import { copyPackFiles } from './postbuild/packs.mjs';
import { setPolicyAndCheckIntegrity } from './postbuild/page.mjs';
import { insertPrerender } from './postbuild/prerender.mjs';
import { buildHandover } from './postbuild/handover.mjs';
import { buildQrEncoder } from './postbuild/qr.mjs';
import { writeServiceWorker } from './postbuild/service-worker.mjs';
import { writeStartupScript } from './postbuild/startup.mjs';
import { joinStyleSheets } from './postbuild/styles.mjs';
import { shortenWasmNamesAndMinifyGlue } from './postbuild/wasm-glue.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args.splice(index, 2)[1] : undefined;
};
const root = new URL('..', import.meta.url).pathname;
const packManifest =
  option('pack-manifest') ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'wasm32-unknown-unknown/release/eligo-packs.json');
const prerender = option('prerender') ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'prerender.html');
const bundle = new Bundle({ root, dist: args[0] ?? join(root, 'dist'), packManifest });
bundle.prerender = prerender;
const unfinished = !bundle.finished;

const STEPS = [
  ['wasm names and JS glue', shortenWasmNamesAndMinifyGlue, unfinished],
  ['one style sheet', joinStyleSheets, unfinished],
  ['pack files', copyPackFiles, true],
  ['QR code encoder', buildQrEncoder, true],
  ['handover sealing', buildHandover, true],
  ['start-up script', writeStartupScript, true],
  ['prerendered start screen', insertPrerender, true],
  ['page', setPolicyAndCheckIntegrity, true],
  ['service worker', writeServiceWorker, true],
];
for (const [name, step, wanted] of STEPS) {
  if (!wanted) continue;
  try {
    await step(bundle);
  } catch (error) {
    error.message = `[${name}] ${error.message}`;
    throw error;
  }
}
console.log(`postbuild: minified ${bundle.notes.length ? bundle.notes.join('; ') : 'nothing (already done)'}`);
