// Step "wasm names and JS glue": short names for the wasm's imports and closure exports, in the wasm and
// wasm-bindgen's JS glue alike (wasm-names.mjs), then the glue minified by terser, checked: the same exports
// (the start-up script imports the default and the namespace) and every import the wasm asks for still
// offered under its name. index.html's integrity attributes follow the new bytes.
import { exportsOf, escapeRegExp, gzipBytes } from './bundle.mjs';
import { minifyJs } from './minify.mjs';
import { shortenNames } from './wasm-names.mjs';

const keyPattern = (key) => {
  const escaped = escapeRegExp(key);
  return new RegExp(`[{,]\\s*(?:${escaped}|"${escaped}"|'${escaped}')\\s*:`);
};

export async function shortenWasmNamesAndMinifyGlue(bundle) {
  const wasmName = bundle.wasmName();
  const glueName = wasmName.replace(/_bg\.wasm$/, '.js');
  if (!bundle.names().includes(glueName)) throw new Error('postbuild: no wasm-bindgen glue <name>.js beside the .wasm in dist/');

  const named = shortenNames(bundle.read(wasmName), bundle.read(glueName, 'utf8'));
  bundle.write(wasmName, named.wasm);
  bundle.setIntegrity(wasmName, named.wasm);
  bundle.notes.push(`${named.renamed} wasm import and export names shortened`);

  const glue = named.glue;
  const small = await minifyJs(glueName, glue);
  if (gzipBytes(small) >= gzipBytes(glue)) {
    bundle.write(glueName, glue);
    bundle.setIntegrity(glueName, glue);
    return;
  }
  const [before, after] = [await exportsOf(glue), await exportsOf(small)];
  if (before !== after) throw new Error(`postbuild: minifying ${glueName} changed its exports: ${before} became ${after}`);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(named.wasm));
  const keys = [...new Set(imports.flatMap(({ module, name }) => [module, name]))];
  const unknown = keys.filter((key) => !keyPattern(key).test(glue));
  if (unknown.length) throw new Error(`postbuild: ${glueName} has no object key for the wasm imports ${unknown.join(', ')} (did wasm-bindgen change its output?)`);
  const lost = keys.filter((key) => !keyPattern(key).test(small));
  if (lost.length) throw new Error(`postbuild: minifying ${glueName} lost the wasm imports ${lost.join(', ')}`);
  bundle.write(glueName, small);
  bundle.setIntegrity(glueName, small);
  bundle.note(glueName, glue, small);
}
