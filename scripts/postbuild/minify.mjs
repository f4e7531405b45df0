// The minifiers, terser (JS) and csso (CSS): the build's own npm tools (scripts/package.json, installed by
// scripts/setup.sh from its lock file at exact versions). A minified file is kept only when it is smaller
// (gzip -9); every caller checks what it must not change (exports, import names, drawn codes).
import { createRequire } from 'node:module';
import { join } from 'node:path';

const requireTool = createRequire(join(new URL('..', import.meta.url).pathname, 'package.json'));
const tool = (name) => {
  try {
    return requireTool(name);
  } catch (error) {
    throw new Error(`postbuild: cannot load ${name} from scripts/node_modules (run bash scripts/setup.sh): ${error.message}`);
  }
};
const terser = tool('terser');
const csso = tool('csso');

// terser never renames object keys unless told to (mangle.properties): the keys of wasm-bindgen's
// __wbg_get_imports are the wasm's import names, and they are checked anyway.
const TERSER_OPTIONS = { module: true, compress: true, mangle: true };

export async function minifyJs(name, code, { module = true } = {}) {
  let result;
  try {
    result = await terser.minify(code, { ...TERSER_OPTIONS, module });
  } catch (error) {
    throw new Error(`postbuild: terser could not minify ${name}: ${error?.message ?? error}`);
  }
  if (typeof result?.code !== 'string' || result.code.trim() === '') throw new Error(`postbuild: terser gave no code for ${name}`);
  return result.code.endsWith('\n') ? result.code : `${result.code}\n`;
}

// No restructuring: csso would merge and move rules, which can change the cascade; the clean-up alone gives the
// smaller gzip here anyway (measured: 2 991 B against 3 013 B for both sheets).
export function minifyCss(name, css) {
  let result;
  try {
    result = csso.minify(css, { restructure: false });
  } catch (error) {
    throw new Error(`postbuild: csso could not minify ${name}: ${error?.message ?? error}`);
  }
  if (typeof result?.css !== 'string' || result.css.trim() === '') throw new Error(`postbuild: csso gave no CSS for ${name}`);
  return `${result.css}\n`;
}
