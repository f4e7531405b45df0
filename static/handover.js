// Eligo's handover sealing (issue 18), with the browser's WebCrypto only. Loaded when a resident agrees to
// give their answers to the CCAS (the start-up script imports it then: never part of the first load), and by
// the desk page (desk.html). The bytes sealed and the clear header come from the engine
// (engine/src/handover.rs); docs/handover.md gives the format and the threat model.
//
//   code = header || ephemeral public key (65 bytes) || AES-GCM(body, associated data = header)
//
// The AES key is derived by HKDF-SHA-256 from the ECDH P-256 secret between a fresh (ephemeral) key pair and
// the CCAS public key, with the ephemeral public key as salt: each key seals exactly one body, so the nonce
// can be fixed (all zero) without ever being reused under a key, which saves 12 bytes of QR code.
//
// The CCAS private key lives in a key file (JSON) wrapped with a passphrase: PBKDF2-SHA-256 (the strongest
// password hashing WebCrypto offers; Argon2 is not in browsers) with PBKDF2_ITERATIONS, then AES-GCM.

const subtle = globalThis.crypto.subtle;
const CURVE = { name: 'ECDH', namedCurve: 'P-256' };
const INFO = new TextEncoder().encode('eligo-handover-1');
const NONCE = new Uint8Array(12);
export const PBKDF2_ITERATIONS = 600000;

const join = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const toB64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromB64 = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

// An Error whose `reason` the pages turn into a message in the user's language.
const refuse = (reason) => Object.assign(new Error(`handover: ${reason}`), { reason });

async function aesKey(secret, salt, header, usage) {
  const material = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: join(INFO, header) }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Seals `body` for the CCAS key `publicKey` (base64url, from the pack), after the clear `header`. */
export async function seal(publicKey, header, body) {
  const ccas = await subtle.importKey('raw', fromB64(publicKey), CURVE, false, []);
  const ephemeral = await subtle.generateKey(CURVE, false, ['deriveBits']);
  const secret = await subtle.deriveBits({ name: 'ECDH', public: ccas }, ephemeral.privateKey, 256);
  const point = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  const key = await aesKey(secret, point, header, 'encrypt');
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv: NONCE, additionalData: header }, key, body);
  return join(header, point, new Uint8Array(sealed));
}

// Crockford's base32, the code's text form (the engine's `handover::to_text`, which the desk reads back with
// `from_text`): digits and capitals without I, L, O, U, typed in any case.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The text form of a code. */
export function toText(bytes) {
  let [out, acc, bits] = ['', 0, 0];
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xffff;
    bits += 8;
    for (; bits >= 5; bits -= 5) out += BASE32[(acc >> (bits - 5)) & 31];
  }
  return bits > 0 ? out + BASE32[(acc << (5 - bits)) & 31] : out;
}

/** Opens a code whose clear header is its first `headerLength` bytes, with the desk's private key. */
export async function open(privateKey, code, headerLength) {
  const header = code.subarray(0, headerLength);
  const point = code.subarray(headerLength, headerLength + 65);
  try {
    const resident = await subtle.importKey('raw', point, CURVE, false, []);
    const secret = await subtle.deriveBits({ name: 'ECDH', public: resident }, privateKey, 256);
    const key = await aesKey(secret, point, header, 'decrypt');
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: NONCE, additionalData: header }, key, code.subarray(headerLength + 65)));
  } catch {
    // A changed byte anywhere (the point, the header, the sealed body) ends here: authentication failed.
    throw refuse('damaged');
  }
}

async function passphraseKey(passphrase, salt, iterations, usage) {
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/**
 * A new CCAS key pair: `{ publicKey, file }`, the public key in base64url (for the pack's `[handover]`) and the
 * key file's text, whose private key is wrapped with `passphrase`.
 */
export async function createKey(passphrase) {
  const pair = await subtle.generateKey(CURVE, true, ['deriveBits']);
  const publicKey = toB64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapping = await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS, 'encrypt');
  const wrapped = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: fromB64(publicKey) }, wrapping, pkcs8));
  pkcs8.fill(0);
  const file = {
    eligo: 'ccas-handover-key',
    format: 1,
    note: 'Eligo CCAS desk key. Keep this file on the desk computer only; never put it in a pack or send it.',
    publicKey,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toB64(salt) },
    cipher: { name: 'AES-GCM', iv: toB64(iv) },
    wrappedPrivateKey: toB64(wrapped),
  };
  return { publicKey, file: JSON.stringify(file, null, 2) };
}

/** Unwraps a key file: `{ publicKey, privateKey }` (not extractable), or a refusal: `key-file`, `passphrase`. */
export async function loadKey(text, passphrase) {
  let file;
  try {
    file = JSON.parse(text);
    if (file.eligo !== 'ccas-handover-key' || file.format !== 1 || file.kdf?.name !== 'PBKDF2') throw new Error();
    fromB64(file.publicKey);
  } catch {
    throw refuse('key-file');
  }
  const iterations = Math.max(Number(file.kdf.iterations) || 0, 100000);
  let pkcs8;
  try {
    const wrapping = await passphraseKey(passphrase, fromB64(file.kdf.salt), iterations, 'decrypt');
    pkcs8 = await subtle.decrypt({ name: 'AES-GCM', iv: fromB64(file.cipher.iv), additionalData: fromB64(file.publicKey) }, wrapping, fromB64(file.wrappedPrivateKey));
  } catch {
    throw refuse('passphrase');
  }
  const privateKey = await subtle.importKey('pkcs8', pkcs8, CURVE, false, ['deriveBits']);
  new Uint8Array(pkcs8).fill(0);
  return { publicKey: file.publicKey, privateKey };
}
