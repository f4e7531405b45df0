// Benchmark of the handover code (issue 18): for the longest journey of each pack (every question answered with
// its widest encoding), the code's bytes (clear header, sealed body), its text form's length, the QR code version
// at error correction M (target: 15 or lower) and the time to seal and to open it with WebCrypto (node's, the
// same API as the browsers'; median of RUNS runs).
//
//   node scripts/bench-handover.mjs [--runs 50]
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { open, seal } from '../static/handover.js';
import { qrPath } from '../static/qr.js';

const root = new URL('..', import.meta.url).pathname;
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 50;
const packs = readdirSync(join(root, 'packs'))
  .map((id) => join('packs', id, 'pack.toml'))
  .filter((path) => existsSync(join(root, path)));
const lines = execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'eligo-engine', '--example', 'handover_payload', '--', ...packs], { cwd: root, encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

const { subtle } = globalThis.crypto;
const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
const publicKey = Buffer.from(await subtle.exportKey('raw', pair.publicKey)).toString('base64url');
const median = (times) => times.sort((a, b) => a - b)[times.length >> 1];
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

console.log('pack      questions  aids  header  body  code bytes  text chars  QR version (M)  seal ms  open ms');
let worst = 0;
for (const { pack, questions, aids, header, body } of lines) {
  const [head, plain] = [Buffer.from(header, 'hex'), Buffer.from(body, 'hex')];
  const sealTimes = [];
  const openTimes = [];
  let code;
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    code = await seal(publicKey, head, plain);
    sealTimes.push(performance.now() - start);
    start = performance.now();
    const back = await open(pair.privateKey, code, head.length);
    openTimes.push(performance.now() - start);
    if (Buffer.compare(Buffer.from(back), plain) !== 0) throw new Error(`${pack}: the code did not open to its body`);
  }
  // The QR code holds the text form (base32, 5 bits a character) in byte mode: its version depends on the
  // length only.
  const chars = Math.ceil((code.length * 8) / 5);
  const drawn = qrPath(Array.from({ length: chars }, (_, i) => BASE32[i % 32]).join(''));
  const version = drawn ? (drawn.size - 8 - 17) / 4 : Infinity;
  worst = Math.max(worst, version);
  console.log(
    `${pack.padEnd(9)} ${String(questions).padStart(9)}  ${String(aids).padStart(4)}  ${String(head.length).padStart(6)}  ${String(plain.length).padStart(4)}  ${String(code.length).padStart(10)}  ${String(chars).padStart(10)}  ${String(version).padStart(14)}  ${median(sealTimes).toFixed(2).padStart(7)}  ${median(openTimes).toFixed(2).padStart(7)}`,
  );
}
if (worst > 15) {
  console.error(`bench-handover: FAIL: a longest journey needs a QR code of version ${worst}, over 15`);
  process.exit(1);
}
console.log(`bench-handover: OK: every longest journey fits a QR code of version ${worst} or lower at level M (target 15)`);
