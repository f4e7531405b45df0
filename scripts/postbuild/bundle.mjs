// The bundle being finished: dist/ and its index.html, with the small helpers every step shares (whole-file
// writes, gzip sizes, SRI hashes). Each step of scripts/postbuild.mjs takes it and changes dist/ through it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipBytes = (text) => gzipSync(text, { level: 9 }).length;
export const sri = (bytes, algorithm = 'sha384') => `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
export const contentHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Writes the whole file or nothing: a temporary file (a dot file, never listed in sw.js) renamed over the old one.
export function writeWhole(path, content) {
  const temporary = join(dirname(path), `.${basename(path)}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

// The names a module exports, as read by importing it (wasm-bindgen's glue only defines things at its top level).
export const exportsOf = async (code) =>
  Object.entries(await importText(code))
    .map(([key, value]) => `${key}:${typeof value}`)
    .sort()
    .join(' ');
export const importText = (code) => import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

export class Bundle {
  constructor({ root, dist, packManifest }) {
    this.root = root;
    this.dist = dist;
    this.packManifest = packManifest;
    this.indexPath = join(dist, 'index.html');
    this.html = readFileSync(this.indexPath, 'utf8');
    // What each step did, printed at the end (sizes before and after).
    this.notes = [];
    // Set by the steps, read by later ones.
    this.packs = undefined; // { territories: [{ id, languages: [{ lang, file }] }] } from build.rs's manifest
    this.qrName = undefined;
    this.handoverName = undefined;
  }

  path(name) {
    return join(this.dist, name);
  }
  read(name, encoding) {
    return readFileSync(this.path(name), encoding);
  }
  write(name, content) {
    writeWhole(this.path(name), content);
  }
  names() {
    return readdirSync(this.dist);
  }
  // A second run on a finished dist/ (its start-up script already moved out) leaves the minified files as they are.
  get finished() {
    return /<script type="module" src="\.\/boot-/.test(this.html);
  }
  wasmName() {
    // The resident app's wasm (a staff page's, merged later by scripts/build-staff.sh, is named desk-… or so).
    const name = this.names().find((n) => /^eligo-[0-9a-f]+_bg\.wasm$/.test(n));
    if (!name) throw new Error('postbuild: no .wasm in dist/');
    return name;
  }
  note(name, before, after) {
    this.notes.push(`${name} ${Buffer.byteLength(before)} -> ${Buffer.byteLength(after)} B (gzip ${gzipBytes(before)} -> ${gzipBytes(after)})`);
  }
  // Rewrites the integrity attribute of the tags of index.html that load ./name (none if Trunk wrote none).
  setIntegrity(name, bytes) {
    const target = new RegExp(`<(?:link|script)\\b[^>]*\\b(?:href|src)="\\./${escapeRegExp(name)}"[^>]*>`, 'g');
    this.html = this.html.replace(target, (tag) => tag.replace(/\bintegrity="(sha\d+)-[^"]*"/, (_, algorithm) => `integrity="${sri(bytes, algorithm)}"`));
  }
  saveHtml() {
    writeWhole(this.indexPath, this.html);
  }
}
