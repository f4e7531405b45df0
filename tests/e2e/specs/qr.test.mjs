// The QR code encoder (static/qr.js, loaded by the app when a resident asks for the code): every code it
// draws is decoded by an independent reader (jsQR) from a bitmap of its path, across versions 1 to 40
// (version information from 7, several blocks, all eight masks in use), in the smallest version the
// standard allows, with its format and version information checked bit for bit. A reader corrects a few
// wrong codewords without a word, so some codes are also compared module for module with those of another
// encoder (fixtures/qr-reference.json). No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { qrPath } from '../../../static/qr.js';

// Bytes a level-M code holds in byte mode, versions 1-40 (ISO/IEC 18004 table 7).
const CAPACITY = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
  711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];
const utf8 = (text) => new TextEncoder().encode(text);

/** The dark modules of a drawing, as a grid of 0/1 rows, quiet zone included (from its `M x,y h n v1 h-n z` runs). */
function modules({ path, size }) {
  assert.match(path, /^(M\d+,\d+h(\d+)v1h-\2z)+$/, 'runs of dark modules only');
  const grid = Array.from({ length: size }, () => new Array(size).fill(0));
  for (const [, x, y, n] of [...path.matchAll(/M(\d+),(\d+)h(\d+)/g)].map((m) => m.map(Number))) {
    assert.ok(x >= 4 && y >= 4 && x + n <= size - 4 && y < size - 4, 'nothing in the quiet zone');
    grid[y].fill(1, x, x + n);
  }
  return grid;
}

/** The grid on a white bitmap, `scale` pixels a module, for jsQR. */
function bitmap(grid, scale = 3) {
  const width = grid.length * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      if (grid[Math.floor(y / scale)][Math.floor(x / scale)]) pixels.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { pixels, width };
}

// The format information of level M with each mask, 0 to 7 (ISO/IEC 18004 table C.1, masked).
const FORMAT_M = [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0];

/** The mask of a code, read from both copies of its format information (checked against the standard's
 * values for level M), after checking its version information (from version 7, both copies) and the
 * dark module. Bit 0 of the format is at column 8 row 0 going down to row 8, then along row 8 to column 0
 * (the timing lines skipped); its other copy from the top-right corner leftwards, then up from the bottom
 * of column 8. Bit 0 of the version is the top-left of its 3×6 block beside the bottom-left finder, going
 * down then right; the other copy is its mirror image by the top-right finder. */
function maskOf(grid, version) {
  const size = grid.length - 8;
  const at = (x, y) => grid[y + 4][x + 4];
  const read = (cells) => cells.reduce((value, [x, y], i) => value + at(x, y) * 2 ** i, 0);
  const first = read([[8, 0], [8, 1], [8, 2], [8, 3], [8, 4], [8, 5], [8, 7], [8, 8], [7, 8], [5, 8], [4, 8], [3, 8], [2, 8], [1, 8], [0, 8]]);
  const second = read(Array.from({ length: 15 }, (_, i) => (i < 8 ? [size - 1 - i, 8] : [8, size - 15 + i])));
  assert.equal(second, first, 'the two copies of the format information agree');
  assert.ok(FORMAT_M.includes(first), `level M format information (${first.toString(2)})`);
  assert.equal(at(8, size - 8), 1, 'the dark module');
  if (version >= 7) {
    const bottomLeft = read(Array.from({ length: 18 }, (_, i) => [Math.floor(i / 3), size - 11 + (i % 3)]));
    const topRight = read(Array.from({ length: 18 }, (_, i) => [size - 11 + (i % 3), Math.floor(i / 3)]));
    assert.equal(topRight, bottomLeft, 'the two copies of the version information agree');
    assert.equal(bottomLeft >> 12, version, 'the version number');
    // A BCH (18, 6) codeword: divisible by x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 over GF(2).
    let rest = bottomLeft;
    for (let bit = 17; bit >= 12; bit--) if ((rest >> bit) & 1) rest ^= 0x1f25 << (bit - 12);
    assert.equal(rest, 0, `version ${version}: its check bits`);
  }
  return FORMAT_M.indexOf(first);
}

const masks = new Set();

/** Encodes `text`, checks the version, decodes the drawing and checks it gives the same bytes back. */
function roundTrip(text, version) {
  const code = qrPath(text);
  assert.ok(code, `${utf8(text).length} bytes encoded`);
  assert.equal(code.size, 4 * version + 17 + 8, `${utf8(text).length} bytes: version ${version}, with the quiet zone`);
  const grid = modules(code);
  masks.add(maskOf(grid, version));
  const { pixels, width } = bitmap(grid);
  const read = jsQR(pixels, width, width, { inversionAttempts: 'dontInvert' });
  assert.ok(read, `${utf8(text).length} bytes (version ${version}): the code decodes`);
  assert.equal(read.version, version);
  assert.deepEqual(Uint8Array.from(read.binaryData), utf8(text), `version ${version}: the same bytes`);
  assert.equal(read.data, text);
  return code;
}

/** A text of exactly `bytes` UTF-8 bytes, varied (`seed`), with 2- and 3-byte characters when `wide`. */
function textOf(bytes, seed, wide) {
  const pieces = wide ? ['é', 'ا', '€', 'a', 'Z', '7', '/', ' ', '&'] : ['h', 't', 'p', 's', ':', '/', '.', '-', '#', '=', '&', ',', '_', '0', '9'];
  let text = '';
  for (let i = 0; utf8(text).length < bytes; i++) {
    const piece = pieces[(i * 7 + seed * 3 + ((i * i) % 5)) % pieces.length];
    text += utf8(text).length + utf8(piece).length <= bytes ? piece : 'x';
  }
  return text;
}

test('every version from 1 to 40: the smallest that holds the text, and it decodes', () => {
  for (let version = 1; version <= 40; version++) {
    const full = CAPACITY[version - 1];
    roundTrip(textOf(full, version, version % 2 === 0), version);
    if (version < 40) {
      // One byte more needs the next version (decoded below at its own capacity, and here for a few).
      const over = textOf(full + 1, version, version % 3 === 0);
      if (version % 4 === 0) roundTrip(over, version + 1);
      else assert.equal(qrPath(over).size, 4 * (version + 1) + 25, `${full + 1} bytes: version ${version + 1}`);
    }
  }
});

test('short and middling texts, masks of every kind', () => {
  const sizes = new Set();
  for (const text of ['', 'a', 'https://aides.ville.fr/', 'Élise & Zoé: إعانة — 100 €', textOf(50, 1, false), textOf(77, 2, true)]) {
    const version = CAPACITY.findIndex((capacity) => capacity >= utf8(text).length) + 1;
    sizes.add(roundTrip(text, version).size);
  }
  // Many short links: different data picks different masks, and each must decode.
  for (let n = 0; n < 60; n++) {
    const link = `https://aides.ville.fr/app/#t=chenove&a=${Array.from({ length: n % 12 }, (_, i) => `aide_${(n * 31 + i * 7) % 97}`).join(',')}`;
    const version = CAPACITY.findIndex((capacity) => capacity >= utf8(link).length) + 1;
    roundTrip(link, version);
  }
  assert.ok(sizes.size >= 3);
});

test('the eight masks were all chosen for some of these texts', () => {
  assert.deepEqual([...masks].sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
});

test('the longest take-away link that fits, and one that does not', () => {
  // A long public address with a city's pack, a territory id of 64 characters (the most page_config's
  // is_id allows), and 24 aids to ask for and 24 to check (link.rs MAX_AIDS), each id 42 characters long: 2 289 bytes.
  const base = 'https://www.solidarites.exemple-de-grande-ville.fr/services/aides-locales/eligo/';
  const pack = '?pack=https%3A%2F%2Fwww.exemple-de-grande-ville.fr%2Fpacks%2Fville.json';
  const ids = (letter, length) => Array.from({ length: 24 }, (_, i) => `${letter}${String(i).padStart(2, '0')}_`.padEnd(length, 'x'));
  const link = (length) => `${base}${pack}#t=${'t'.repeat(64)}&a=${ids('a', length).join(',')}&c=${ids('c', length).join(',')}`;
  assert.ok(utf8(link(42)).length > CAPACITY[38]);
  roundTrip(link(42), 40);
  // Ids of 64 characters are allowed too, but such a link is beyond any QR code: the app then shows the
  // address written out only.
  assert.equal(qrPath(link(64)), null);
});

test('the same modules as the reference encoder with the same mask', () => {
  const { codes } = JSON.parse(readFileSync(new URL('../fixtures/qr-reference.json', import.meta.url), 'utf8'));
  assert.ok(codes.length >= 10);
  for (const { text, paths } of codes) {
    const version = CAPACITY.findIndex((capacity) => capacity >= utf8(text).length) + 1;
    const code = roundTrip(text, version);
    const mask = maskOf(modules(code), version);
    const digest = createHash('sha256').update(code.path).digest('hex').slice(0, 32);
    assert.equal(digest, paths[mask], `${utf8(text).length} bytes (version ${version}, mask ${mask}): the reference's modules`);
  }
});

test('a text beyond version 40 gives null', () => {
  assert.ok(qrPath('x'.repeat(CAPACITY[39])));
  assert.equal(qrPath('x'.repeat(CAPACITY[39] + 1)), null);
  assert.equal(qrPath('é'.repeat(Math.ceil(CAPACITY[39] / 2))), null, 'counted in UTF-8 bytes');
});
