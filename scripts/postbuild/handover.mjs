// Step "handover sealing": static/handover.js (issue 18), minified, as `handover-<hash>.js`. The start-up
// script imports it only when a resident agrees to give their answers to the CCAS; the desk page
// (scripts/build-staff.sh desk) imports the same file. Its minified copy must export the same names and
// seal codes that the source opens (terser is trusted with no code that is not checked).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, exportsOf, gzipBytes, importText } from './bundle.mjs';
import { minifyJs } from './minify.mjs';

const EXPORTS = 'PBKDF2_ITERATIONS:number createKey:function loadKey:function open:function seal:function toText:function';

export async function buildHandover(bundle) {
  const source = readFileSync(join(bundle.root, 'static/handover.js'), 'utf8');
  const small = await minifyJs('static/handover.js', source);
  const code = gzipBytes(small) < gzipBytes(source) ? small : source;
  const [before, after] = [await exportsOf(source), await exportsOf(code)];
  if (before !== EXPORTS || after !== before) throw new Error(`postbuild: static/handover.js should export ${EXPORTS}: ${before}, minified ${after}`);
  // The shipped copy seals what the source opens, and refuses a changed byte.
  const [original, shipped] = [await importText(source), await importText(code)];
  const { subtle } = globalThis.crypto;
  const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const raw = Buffer.from(await subtle.exportKey('raw', pair.publicKey)).toString('base64url');
  const header = new Uint8Array([1, 2, 3]);
  const sealed = await shipped.seal(raw, header, new Uint8Array([4, 5, 6]));
  if ((await original.open(pair.privateKey, sealed, 3)).join() !== '4,5,6') throw new Error('postbuild: the minified static/handover.js seals what the source cannot open');
  if (shipped.toText(Uint8Array.from([0, 68, 50, 20, 199, 66, 84, 182, 227, 143, 255])) !== '0123456789ABDRWFZW') throw new Error('postbuild: static/handover.js writes another text form than the engine');
  sealed[sealed.length - 1] ^= 1;
  if (await original.open(pair.privateKey, sealed, 3).then(() => true, (e) => e.reason !== 'damaged')) throw new Error('postbuild: static/handover.js opened a changed code');
  bundle.handoverName = `handover-${contentHash(code)}.js`;
  bundle.write(bundle.handoverName, code);
  if (code === small) bundle.note(bundle.handoverName, source, small);
}
