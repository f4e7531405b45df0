// Shortens the names that wasm-bindgen gives the wasm's imports and the closure entry points it exports
// (`__wbg_getBoundingClientRect_329ca748ec918b0c`, 100-character `wasm_bindgen_…_invoke_…` names): each is
// written twice, in the wasm and in the JS glue, and their hexadecimal suffixes do not compress. Used by
// scripts/postbuild.mjs; the import module name goes too (`./eligo_bg.js` → `a`).
//
// Only names are touched: the wasm refers to imports and exports by index, so every other section is copied
// byte for byte. Exports anyone else may call (`main`, `memory`, `__wbindgen_*`) keep their names.

const SECTION_IMPORT = 2;
const SECTION_EXPORT = 7;

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  let offset = at;
  for (;;) {
    const byte = bytes[offset++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, offset];
    shift += 7;
    if (shift > 63) throw new Error('wasm-names: a LEB128 number too long');
  }
}

function writeU32(value) {
  const out = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const writeName = (name) => {
  const utf8 = encoder.encode(name);
  return [...writeU32(utf8.length), ...utf8];
};
function readName(bytes, at) {
  const [length, start] = readU32(bytes, at);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

// Skips an import's description (its kind byte is at `at`), returns the offset after it.
function skipImportDescription(bytes, at) {
  const kind = bytes[at];
  let offset = at + 1;
  const limits = () => {
    const flags = bytes[offset++];
    [, offset] = readU32(bytes, offset);
    if (flags & 1) [, offset] = readU32(bytes, offset);
  };
  switch (kind) {
    case 0: // function: type index
    case 4: // tag: attribute, type index
      if (kind === 4) offset += 1;
      [, offset] = readU32(bytes, offset);
      return offset;
    case 1: // table: reference type, limits
      offset += 1;
      limits();
      return offset;
    case 2: // memory: limits
      limits();
      return offset;
    case 3: // global: value type, mutability
      return offset + 2;
    default:
      throw new Error(`wasm-names: unknown import kind ${kind}`);
  }
}

// a, b, … z, A … Z, aa, ab, …: names that are valid JS identifiers and never JS keywords here (checked).
function* shortNames(prefix) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let n = 0; ; n++) {
    let name = '';
    let rest = n;
    do {
      name = letters[rest % letters.length] + name;
      rest = Math.floor(rest / letters.length) - 1;
    } while (rest >= 0);
    if (!['do', 'if', 'in'].includes(prefix + name)) yield prefix + name;
  }
}

const RENAMED_EXPORT = /^wasm_bindgen_[0-9a-f]+___convert__closures/;

/**
 * Renames in `wasm` (bytes) and `glue` (the JS text that imports and calls it). Returns
 * `{ wasm, glue, renamed }` (`renamed`: how many names were replaced).
 */
export function shortenNames(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  if (bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) throw new Error('wasm-names: not a wasm module');
  const renames = new Map(); // old name -> new name, for the glue
  const importNames = shortNames('');
  const exportNames = shortNames('x');
  const sections = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset < bytes.length) {
    const id = bytes[offset];
    const [size, start] = readU32(bytes, offset + 1);
    const end = start + size;
    if (id === SECTION_IMPORT || id === SECTION_EXPORT) {
      let at = start;
      let count;
      [count, at] = readU32(bytes, at);
      const body = [...writeU32(count)];
      for (let i = 0; i < count; i++) {
        if (id === SECTION_IMPORT) {
          let module;
          let name;
          [module, at] = readName(bytes, at);
          [name, at] = readName(bytes, at);
          const descriptionEnd = skipImportDescription(bytes, at);
          if (!renames.has(module)) renames.set(module, module.startsWith('./') ? 'a' : module);
          if (!renames.has(name)) renames.set(name, importNames.next().value);
          body.push(...writeName(renames.get(module)), ...writeName(renames.get(name)), ...bytes.subarray(at, descriptionEnd));
          at = descriptionEnd;
        } else {
          let name;
          [name, at] = readName(bytes, at);
          const kind = bytes[at];
          let index;
          [index, at] = readU32(bytes, at + 1);
          if (RENAMED_EXPORT.test(name)) renames.set(name, exportNames.next().value);
          body.push(...writeName(renames.get(name) ?? name), kind, ...writeU32(index));
        }
      }
      if (at !== end) throw new Error(`wasm-names: section ${id} did not end where its size says`);
      sections.push(Uint8Array.of(id, ...writeU32(body.length), ...body));
    } else {
      sections.push(bytes.subarray(offset, end));
    }
    offset = end;
  }

  // The glue: the module name as a string key, every other name as an identifier (object key or `wasm.name`).
  let text = glue;
  let renamed = 0;
  // The renamed exports become the names of the glue's wrapper functions too: they must be new to it.
  for (const [old, short] of renames) {
    if (RENAMED_EXPORT.test(old) && new RegExp(`(?<![\\w$])${short}(?![\\w$])`).test(glue)) {
      throw new Error(`wasm-names: the glue already uses the name ${short}`);
    }
  }
  for (const [old, short] of renames) {
    if (old === short) continue;
    const escaped = old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = old.startsWith('./') ? new RegExp(`(["'])${escaped}\\1`, 'g') : new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g');
    const before = text;
    text = text.replace(pattern, old.startsWith('./') ? (_, quote) => `${quote}${short}${quote}` : short);
    if (text === before) throw new Error(`wasm-names: the glue never names ${old}`);
    renamed++;
  }
  const out = new Uint8Array(sections.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of sections) {
    out.set(part, at);
    at += part.length;
  }
  return { wasm: out, glue: text, renamed };
}
