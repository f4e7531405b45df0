// Eligo's QR code encoder (ISO/IEC 18004), loaded only when a resident asks for the take-away QR code, so
// that the app's first load does not carry it. The text goes in byte mode (its UTF-8 bytes: a link always
// has lower-case letters, which the other modes lack), with error correction level M (15 % of the code can
// be lost: a smudged screen or receipt), in the smallest version (size) that holds it.
//
//   qrPath('https://aides.ville.fr/#t=chenove&a=rme') -> { path: 'M4,4h7v1h-7z…', size: 33 } or null
//
// `path` is SVG path data for the dark modules, one `M x,y h n v1 h-n z` rectangle per run of dark modules
// in a row; `size` counts modules with the 4-module light border (quiet zone) the standard asks for.

// Error correction for level M, per version 1-40: the codewords of each block's correction, and the
// number of blocks (ISO/IEC 18004 table 9). Longer codes are cut into blocks so that each stays within
// what a Reed-Solomon code over GF(256) can correct.
const ECC_PER_BLOCK = [
  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
  26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
const BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
  17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];

// GF(256) with the standard's polynomial x^8 + x^4 + x^3 + x^2 + 1: powers of its generator 2 and their
// logarithms, so that a product is a sum of logarithms.
const EXP = [];
const LOG = [];
for (let i = 0, x = 1; i < 255; i++, x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)) {
  EXP[i] = x;
  LOG[x] = i;
}
const multiply = (a, b) => (a && b ? EXP[(LOG[a] + LOG[b]) % 255] : 0);

// The Reed-Solomon correction codewords of `data`: the remainder of data(x)·x^n divided by the generator
// (x - 2^0)(x - 2^1)…(x - 2^(n-1)), whose coefficients below the leading 1 are `generator`, highest first.
function correction(data, generator) {
  const remainder = generator.map(() => 0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift();
    remainder.push(0);
    generator.forEach((g, i) => (remainder[i] ^= multiply(g, factor)));
  }
  return remainder;
}
function generatorOf(degree) {
  let poly = [1];
  for (let i = 0; i < degree; i++) {
    // poly · (x + 2^i); minus is plus in GF(2^8).
    poly = [...poly, 0].map((c, j) => c ^ (j ? multiply(poly[j - 1], EXP[i]) : 0));
  }
  return poly.slice(1);
}

// `value` followed by its BCH check bits: the remainder of value(x)·x^degree divided by `generator`, over
// GF(2). It protects the format information (15, 5) and the version information (18, 6).
function bch(value, generator, degree) {
  let remainder = value << degree;
  for (let bit = 31 - Math.clz32(remainder); bit >= degree; bit--) {
    if ((remainder >> bit) & 1) remainder ^= generator << (bit - degree);
  }
  return (value << degree) | remainder;
}

// The centres of the alignment patterns on each axis: from 6 to size - 7, spaced evenly by an even step
// from the far end (the first gap takes the rest), as in the standard's table (annex E), which breaks the
// rule only at version 32.
function alignmentCentres(version) {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const last = 4 * version + 10;
  const step = version === 32 ? 26 : 2 * Math.ceil((last - 6) / (2 * (count - 1)));
  return [6, ...Array.from({ length: count - 1 }, (_, i) => last - (count - 2 - i) * step)];
}

// Where bit i (0 = least significant) of the 15 format bits goes, as [x, y], in each of its two copies:
// around the top-left finder, and split between the other two.
const formatCells = (size, i) => [
  i < 6 ? [8, i] : i < 8 ? [8, i + 1] : i === 8 ? [7, 8] : [14 - i, 8],
  i < 8 ? [size - 1 - i, 8] : [8, size - 15 + i],
];

// The function patterns of a version (everything but the data): `fixed` marks their modules (format
// information included, drawn later with the mask), `dark` their colour.
function functionPatterns(version) {
  const size = 4 * version + 17;
  const fixed = new Uint8Array(size * size);
  const dark = new Uint8Array(size * size);
  const set = (x, y, on) => {
    if (x >= 0 && y >= 0 && x < size && y < size) {
      fixed[y * size + x] = 1;
      dark[y * size + x] = on ? 1 : 0;
    }
  };
  // Finders (7×7 rings, dark-light-dark from the 3×3 centre) with their light separator, in three corners.
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        set(cx + dx, cy + dy, ring !== 2 && ring !== 4);
      }
    }
  }
  // Alignment patterns (5×5), wherever they do not fall on a finder.
  const centres = alignmentCentres(version);
  for (const cx of centres) {
    for (const cy of centres) {
      if (fixed[cy * size + cx]) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  // Timing lines between the finders, dark on even positions (alignment patterns agree where they cross).
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  // Format information, reserved for now, and the module beside it that is always dark.
  for (let i = 0; i < 15; i++) for (const [x, y] of formatCells(size, i)) set(x, y, false);
  set(8, size - 8, true);
  // Version information from version 7: 18 bits in two 6×3 blocks, by the top-right and bottom-left finders.
  if (version >= 7) {
    const bits = bch(version, 0x1f25, 12);
    for (let i = 0; i < 18; i++) {
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, (bits >> i) & 1);
      set(b, a, (bits >> i) & 1);
    }
  }
  return { size, fixed, dark };
}

// The eight data masks: a module (x, y) is inverted where the formula gives 0.
const MASKS = [
  (x, y) => (x + y) % 2,
  (x, y) => y % 2,
  (x, y) => x % 3,
  (x, y) => (x + y) % 3,
  (x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2,
  (x, y) => ((x * y) % 2) + ((x * y) % 3),
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2,
];

// How hard a symbol is to read (the standard's four penalty rules, lower is better): runs of 5 or more
// modules of one colour in a row or column (3 points, plus 1 per module beyond 5), 2×2 blocks of one colour
// (3 each), finder look-alikes that could mislead a reader (40 each), and a dark share far from half.
function penalty(grid, size) {
  let score = 0;
  let dark = 0;
  for (let y = 0; y < size; y++) {
    let row = '';
    let column = '';
    for (let x = 0; x < size; x++) {
      row += grid[y * size + x];
      column += grid[x * size + y];
      dark += grid[y * size + x];
    }
    for (const line of [row, column]) {
      for (const run of line.match(/0{5,}|1{5,}/g) ?? []) score += run.length - 2;
      // Dark-light-dark-light-dark in the ratio 1:1:3:1:1, with 4 light modules on one side and at least
      // one on the other (so that each run really has its width); the quiet zone around is light.
      score += 40 * (`0000${line}0000`.match(/(?=000010111010|010111010000)/g)?.length ?? 0);
    }
  }
  for (let y = 0; y < size - 1; y++) {
    for (let x = 0; x < size - 1; x++) {
      const i = y * size + x;
      if (grid[i] === grid[i + 1] && grid[i] === grid[i + size] && grid[i] === grid[i + size + 1]) score += 3;
    }
  }
  // 10 points per whole 5 % away from 50 % dark.
  return score + 10 * Math.floor(Math.abs((dark * 20) / (size * size) - 10));
}

/** The QR code of `text` (see the top of this file): `{ path, size }`, or null if it is too long for one. */
export function qrPath(text) {
  const bytes = new TextEncoder().encode(text);

  // The smallest version whose data codewords hold the mode (4 bits), the length (8 bits, or 16 from
  // version 10) and the bytes. Its codewords are all its modules that function patterns leave free.
  let version = 0;
  let patterns;
  let capacity;
  do {
    if (++version > 40) return null;
    patterns = functionPatterns(version);
    capacity = (patterns.fixed.length - patterns.fixed.reduce((a, b) => a + b)) >> 3;
    capacity -= ECC_PER_BLOCK[version - 1] * BLOCKS[version - 1];
  } while (4 + (version < 10 ? 8 : 16) + 8 * bytes.length > 8 * capacity);
  const { size, fixed, dark } = patterns;

  // The data bits: byte mode (0100), the length, the bytes, a terminator of up to 4 zero bits, zeros to the
  // byte's end, then the pad bytes 11101100 and 00010001 in turn up to the capacity.
  const bits = [];
  const put = (value, length) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const byte of bytes) put(byte, 8);
  put(0, Math.min(4, 8 * capacity - bits.length));
  put(0, -bits.length & 7);
  for (let pad = 0xec; bits.length < 8 * capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit));

  // Blocks: the data is cut in order into BLOCKS blocks, the last ones one codeword longer when it does
  // not divide evenly, each followed by its own correction codewords. The codewords are then interleaved
  // (the first of each block, then the second…), so that a damaged area spreads over many blocks.
  const blockCount = BLOCKS[version - 1];
  const eccLength = ECC_PER_BLOCK[version - 1];
  const shortBlocks = blockCount - (capacity % blockCount);
  const shortLength = Math.floor(capacity / blockCount); // data codewords of a short block
  const generator = generatorOf(eccLength);
  const blocks = [];
  for (let b = 0, at = 0; b < blockCount; b++) {
    const part = data.slice(at, (at += shortLength + (b < shortBlocks ? 0 : 1)));
    blocks.push([part, correction(part, generator)]);
  }
  const codewords = [];
  for (let i = 0; i <= shortLength; i++) for (const [part] of blocks) if (i < part.length) codewords.push(part[i]);
  for (let i = 0; i < eccLength; i++) for (const [, ecc] of blocks) codewords.push(ecc[i]);

  // Placement: two columns at a time from the right, going up then down in turn, skipping the vertical
  // timing line and the function patterns; each codeword's bits most significant first. The 0 to 7 modules
  // left over are remainder bits, 0 (before the mask).
  let bit = 0;
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right = 5;
    for (let k = 0; k < size; k++) {
      const y = upward ? size - 1 - k : k;
      for (const x of [right, right - 1]) {
        if (fixed[y * size + x]) continue;
        dark[y * size + x] = ((codewords[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1;
        bit++;
      }
    }
    upward = !upward;
  }

  // Each mask over the data, with its format information (level M is 00, then the mask's number, with
  // BCH bits, XOR 101010000010010 so that it is never all light); the one with the lowest penalty wins.
  let best;
  let bestScore = Infinity;
  MASKS.forEach((mask, number) => {
    const grid = dark.map((on, i) => (fixed[i] || mask(i % size, Math.floor(i / size)) ? on : on ^ 1));
    const format = bch(number, 0x537, 10) ^ 0x5412;
    for (let i = 0; i < 15; i++) for (const [x, y] of formatCells(size, i)) grid[y * size + x] = (format >> i) & 1;
    const score = penalty(grid, size);
    if (score < bestScore) [best, bestScore] = [grid, score];
  });

  let path = '';
  for (let y = 0; y < size; y++) {
    const row = best.slice(y * size, (y + 1) * size).join('');
    for (const run of row.matchAll(/1+/g)) {
      const n = run[0].length;
      path += `M${run.index + 4},${y + 4}h${n}v1h-${n}z`;
    }
  }
  return { path, size: size + 8 };
}
