// scripts/postbuild/wasm-names.mjs rewrites names inside the wasm and wasm-bindgen's JS glue, and so depends on
// the shape of wasm-bindgen's output (one glue module whose import object is keyed by the wasm's import names;
// closure entry points exported as `wasm_bindgen_<hash>___convert__closures…`; `__wbg_…_<hash>` import names).
// This test fails loudly when that shape changes under a new wasm-bindgen, before a resident meets a page that
// cannot start:
// - on the release build in dist/: the glue's own import object instantiates the wasm (every import the wasm
//   asks for is offered, under its new name, with the right kind), and no long name is left on either side;
// - on a module built here: the rewriting itself (names changed in both, every other byte kept).
// No browser: the glue is imported in node, and the wasm instantiated without being started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { shortenNames } from '../../../scripts/postbuild/wasm-names.mjs';

const DIST = new URL('../../../dist', import.meta.url).pathname;
const SHAPE = "wasm-bindgen's output changed shape (scripts/postbuild/wasm-names.mjs must follow it, or be dropped)";
const LONG_IMPORT = /^__wbg_[A-Za-z0-9_]+_[0-9a-f]{16}$/;
const LONG_EXPORT = /^wasm_bindgen_[0-9a-f]+___convert__closures/;

function built() {
  // The resident app's (the staff pages' files are named desk-…: scripts/build-staff.sh).
  const wasmName = readdirSync(DIST).find((name) => /^eligo-[0-9a-f]+_bg\.wasm$/.test(name));
  assert.ok(wasmName, 'dist/ holds the release build (bash scripts/build.sh)');
  return { wasm: readFileSync(join(DIST, wasmName)), glue: readFileSync(join(DIST, wasmName.replace(/_bg\.wasm$/, '.js')), 'utf8') };
}

// The import object the glue hands to WebAssembly.Instance, caught on its way (the wasm is not started).
async function importObjectOf(glue, module) {
  const glueModule = await import(`data:text/javascript;base64,${Buffer.from(glue).toString('base64')}`);
  assert.equal(typeof glueModule.initSync, 'function', `${SHAPE}: the glue has no initSync export`);
  const RealInstance = WebAssembly.Instance;
  let caught;
  WebAssembly.Instance = function (_module, imports) {
    caught = imports;
    throw new Error('caught');
  };
  try {
    glueModule.initSync({ module });
  } catch (error) {
    if (error.message !== 'caught') throw error;
  } finally {
    WebAssembly.Instance = RealInstance;
  }
  assert.ok(caught, `${SHAPE}: initSync never instantiated the wasm`);
  return caught;
}

test('the built wasm links with its glue under the short names, and no long name is left', async () => {
  const { wasm, glue } = built();
  const module = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(module);
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  const left = [...imports.map((i) => i.name).filter((n) => LONG_IMPORT.test(n)), ...exports.filter((n) => LONG_EXPORT.test(n))];
  assert.deepEqual(left, [], `${SHAPE}: long names left in the wasm`);
  assert.ok(!/__wbg_[A-Za-z0-9_]+_[0-9a-f]{16}\b|wasm_bindgen_[0-9a-f]+___convert__closures/.test(glue), `${SHAPE}: long names left in the glue`);
  assert.ok(imports.length > 50, 'the wasm imports the DOM through the glue');
  const importObject = await importObjectOf(glue, module);
  for (const { module: from, name, kind } of imports) {
    const value = importObject[from]?.[name];
    assert.ok(value !== undefined, `${SHAPE}: the glue offers no ${from}.${name}`);
    if (kind === 'function') assert.equal(typeof value, 'function', `${SHAPE}: ${from}.${name} is not a function`);
  }
  // Instantiating checks every import's kind and signature-free linkage for real (the start is not run: the
  // glue calls it after instantiation).
  assert.doesNotThrow(() => new WebAssembly.Instance(module, importObject), `${SHAPE}: the wasm does not link with its glue`);
  // Every renamed closure export is called by the glue under its new name.
  for (const name of exports.filter((n) => /^x[A-Za-z]+$/.test(n))) {
    assert.match(glue, new RegExp(`\\.${name}\\(`), `${SHAPE}: the glue never calls the export ${name}`);
  }
});

// A wasm module with two imports from the glue module and two exports (one closure entry point, one public).
function tinyModule() {
  const name = (text) => [text.length, ...Buffer.from(text)];
  const section = (id, body) => [id, body.length, ...body];
  const importName = '__wbg_log_0123456789abcdef';
  const exportName = 'wasm_bindgen_0123abcd___convert__closures_____invoke___js_sys_Function_';
  const bytes = [
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]), // one type: () -> ()
    ...section(2, [2, ...name('./eligo_bg.js'), ...name(importName), 0, 0, ...name('./eligo_bg.js'), ...name('__wbindgen_init_externref_table'), 0, 0]),
    ...section(3, [1, 0]), // one function of type 0
    ...section(7, [2, ...name(exportName), 0, 2, ...name('main'), 0, 2]),
    ...section(10, [1, 2, 0, 0x0b]), // its body: nothing
  ];
  const glue = `export function __wbg_get_imports() { return { './eligo_bg.js': { ${importName}: () => {}, __wbindgen_init_externref_table: () => {} } }; }\nexport const call = (wasm) => wasm.${exportName}();\n`;
  return { wasm: Uint8Array.from(bytes), glue, importName, exportName };
}

test('the rewriting renames in the wasm and the glue alike and keeps every other byte', () => {
  const { wasm, glue, importName, exportName } = tinyModule();
  const out = shortenNames(wasm, glue);
  const module = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`), ['a.a', 'a.b']);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name), ['xa', 'main']);
  assert.ok(!out.glue.includes(importName) && !out.glue.includes(exportName), 'no long name left in the glue');
  assert.match(out.glue, /'a': \{ a: \(\) => \{\}, b: \(\) => \{\} \}/);
  assert.match(out.glue, /wasm\.xa\(\)/);
  assert.equal(out.renamed, 4);
  // The code section is copied as it was.
  assert.deepEqual([...out.wasm.slice(-6)], [...wasm.slice(-6)]);
});

test('a glue that does not name what the wasm imports stops the build with a message', () => {
  const { wasm, glue, importName } = tinyModule();
  assert.throws(() => shortenNames(wasm, glue.replace(importName, 'something_else')), /the glue never names __wbg_log_0123456789abcdef/);
});
