// Step "QR code encoder": static/qr.js, minified, as `qr-<hash>.js`. Its minified copy must export the same
// function and draw the same codes as the source (terser is trusted with no code that is not checked). The
// start-up script imports it on first use only (static/startup-template.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, exportsOf, gzipBytes, importText } from './bundle.mjs';
import { minifyJs } from './minify.mjs';

const SAMPLES = ['', 'https://aides.ville.fr/#t=chenove&a=rme,mutuelle&c=css', 'é'.repeat(150), 'x'.repeat(2331), 'x'.repeat(2332)];

export async function buildQrEncoder(bundle) {
  const source = readFileSync(join(bundle.root, 'static/qr.js'), 'utf8');
  const small = await minifyJs('static/qr.js', source);
  const code = gzipBytes(small) < gzipBytes(source) ? small : source;
  const [before, after] = [await exportsOf(source), await exportsOf(code)];
  if (before !== 'qrPath:function' || after !== before) throw new Error(`postbuild: static/qr.js should export qrPath only: ${before}, minified ${after}`);
  const [original, shipped] = [await importText(source), await importText(code)];
  for (const text of SAMPLES) {
    if (JSON.stringify(shipped.qrPath(text)) !== JSON.stringify(original.qrPath(text))) throw new Error('postbuild: the minified static/qr.js draws other codes than the source');
  }
  if (!original.qrPath('x'.repeat(2331))?.path || original.qrPath('x'.repeat(2332)) !== null) throw new Error('postbuild: static/qr.js does not draw as expected');
  bundle.qrName = `qr-${contentHash(code)}.js`;
  bundle.write(bundle.qrName, code);
  if (code === small) bundle.note(bundle.qrName, source, small);
}
