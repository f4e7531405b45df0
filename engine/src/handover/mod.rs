//! The handover code (issue 18): a resident's answers and verdicts, sealed for the CCAS desk only.
//!
//! This module holds everything that is not cryptography, so that it is tested natively: the pack's
//! `[handover]` table (the CCAS public key, checked by `eligo-rules check`), the code's clear header (format
//! version, key id, territory, pack version), the compact binary body (answers by question index, verdicts
//! by aid index, the date of the check) and the text form typed when a camera fails. The sealing itself
//! (ephemeral ECDH P-256 with the CCAS key, HKDF-SHA-256, AES-GCM with the header as associated data) is
//! the browser's WebCrypto, in `static/handover.js`; docs/handover.md gives the whole format and the threat
//! model.
//!
//! A code: `header || ephemeral public key (65 bytes) || AES-GCM ciphertext of the body (with its 16-byte tag)`.
//! The header ends with the body's length, so that a code cut short is named as such, not as damaged.

use crate::date::Date;
use crate::schema::QuestionKind;
use crate::{Answer, Answers, Decimal, Pack, Verdict};

pub mod key;
pub use key::{Handover, PUBLIC_KEY_BYTES, base64url_decode, check_public_key, key_id};

/// The format version written in the first byte of every code. A desk refuses a code of a newer format with
/// a message saying to update the desk page (never misreads it).
pub const FORMAT: u8 = 1;

/// Bytes the sealing adds after the header: the ephemeral public key and the AES-GCM tag.
pub const SEAL_BYTES: usize = PUBLIC_KEY_BYTES + 16;

/// Why a code cannot be opened: each has a message in the desk's languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not a code at all (other characters, or empty).
    NotACode,
    /// Cut short: part of the code is missing.
    Truncated,
    /// Made by a newer version of Eligo (its format number).
    NewerFormat(u8),
    /// Made for another territory (its pack id).
    OtherTerritory(String),
    /// Sealed for another CCAS key.
    OtherKey,
    /// The sealing does not check: a changed character, or the wrong key.
    Damaged,
    /// Opened, but the questions or aids of the pack changed too much since to read the answers.
    PackChanged,
}

/// The clear part of a code, read before opening it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// Format version.
    pub format: u8,
    /// Id of the CCAS key it is sealed for ([`key_id`]).
    pub key_id: [u8; 4],
    /// Territory (pack id).
    pub territory: String,
    /// Version of the pack the resident used.
    pub pack_version: String,
    /// Bytes of the header in the code (the associated data of the sealing).
    pub len: usize,
    /// Bytes of the body (before sealing).
    pub body_len: usize,
}

/// The header of a code made with `pack`, whose key is `key` (its bytes), for a body of `body_len` bytes.
pub fn header(pack: &Pack, key: &[u8], body_len: usize) -> Vec<u8> {
    let mut out = vec![FORMAT];
    out.extend_from_slice(&key_id(key));
    for text in [&pack.id, &pack.version] {
        let bytes = &text.as_bytes()[..text.len().min(255)];
        out.push(bytes.len() as u8);
        out.extend_from_slice(bytes);
    }
    varint(&mut out, body_len as u64);
    out
}

/// Reads the header of `code`; the format is checked first, so that a newer code is named as such.
pub fn read_header(code: &[u8]) -> Result<Header, CodeError> {
    let format = *code.first().ok_or(CodeError::Truncated)?;
    if format > FORMAT {
        return Err(CodeError::NewerFormat(format));
    }
    if format != FORMAT {
        return Err(CodeError::NotACode);
    }
    let mut r = Reader {
        bytes: code,
        pos: 1,
    };
    let key_id: [u8; 4] = r.take(4)?.try_into().map_err(|_| CodeError::Truncated)?;
    let mut text = || -> Result<String, CodeError> {
        let n = usize::from(r.byte()?);
        String::from_utf8(r.take(n)?.to_vec()).map_err(|_| CodeError::NotACode)
    };
    let territory = text()?;
    let pack_version = text()?;
    let body_len = usize::try_from(r.varint()?).map_err(|_| CodeError::Damaged)?;
    let len = r.pos;
    let whole = len.saturating_add(SEAL_BYTES).saturating_add(body_len);
    if code.len() < whole {
        return Err(CodeError::Truncated);
    }
    if code.len() > whole {
        return Err(CodeError::Damaged);
    }
    Ok(Header {
        format,
        key_id,
        territory,
        pack_version,
        len,
        body_len,
    })
}

/// What the body carries once opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Body {
    /// The day the resident checked.
    pub date: Date,
    /// The answers.
    pub answers: Answers,
    /// The resident's verdict kind per aid, in pack order ([`verdict_code`]).
    pub verdicts: Vec<u8>,
}

/// A verdict's kind as 2 bits: 0 eligible, 1 to confirm, 2 undetermined, 3 not eligible.
pub fn verdict_code(verdict: &Verdict) -> u8 {
    match verdict {
        Verdict::Eligible => 0,
        Verdict::ToConfirm { .. } => 1,
        Verdict::Undetermined { .. } => 2,
        Verdict::NotEligible { .. } => 3,
    }
}

/// A short fingerprint of what the body's indexes refer to: question ids, kinds and options, aid ids
/// (FNV-1a). A desk whose pack renumbered them refuses to guess ([`CodeError::PackChanged`]).
pub fn fingerprint(pack: &Pack) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    let mut eat = |bytes: &[u8]| {
        for b in bytes.iter().chain(&[0xff]) {
            hash = (hash ^ u32::from(*b)).wrapping_mul(0x0100_0193);
        }
    };
    for q in &pack.questions {
        eat(q.id.as_bytes());
        eat(&[kind_code(q.kind)]);
        for o in &q.options {
            eat(o.id.as_bytes());
        }
    }
    for a in &pack.aids {
        eat(a.id.as_bytes());
    }
    hash
}

fn kind_code(kind: QuestionKind) -> u8 {
    match kind {
        QuestionKind::YesNo => 0,
        QuestionKind::Integer => 1,
        QuestionKind::Money => 2,
        QuestionKind::Date => 3,
        QuestionKind::OneOf => 4,
        QuestionKind::SeveralOf => 5,
    }
}

/// The body before sealing: `fingerprint (4) · date · question count · answered bitmap · answers ·
/// aid count · verdicts (2 bits each)`. Integers are LEB128 varints (zigzag when signed). Each answer starts
/// with one byte, 0 for "I don't know"; then yes/no is 1 no / 2 yes; a number is 1 + its scale then its
/// mantissa (64 bits: a larger number is left out); a date is 1 then its day number; one option is 1 + its index; several options are 1 then a
/// bitmap of the options. An answer the pack does not know is left out.
pub fn encode_body(pack: &Pack, answers: &Answers, verdicts: &[u8], date: Date) -> Vec<u8> {
    let mut out = fingerprint(pack).to_le_bytes().to_vec();
    zigzag(&mut out, date.days_since_epoch());
    let n = pack.questions.len();
    varint(&mut out, n as u64);
    let bitmap_at = out.len();
    out.resize(bitmap_at + n.div_ceil(8), 0);
    for (i, q) in pack.questions.iter().enumerate() {
        let Some(answer) = answers.get(&q.id) else {
            continue;
        };
        let option = |id: &str| q.options.iter().position(|o| o.id == id);
        let at = out.len();
        match (answer, q.kind) {
            (Answer::DontKnow, _) => out.push(0),
            (Answer::YesNo(yes), QuestionKind::YesNo) => out.push(1 + u8::from(*yes)),
            (Answer::Number(n), QuestionKind::Integer | QuestionKind::Money) => {
                // Any amount a person types fits 64 bits; a larger one is left out rather than cut.
                let Ok(mantissa) = i64::try_from(n.mantissa()) else {
                    continue;
                };
                out.push(1 + n.scale() as u8);
                zigzag(&mut out, mantissa);
            }
            (Answer::Date(d), QuestionKind::Date) => {
                out.push(1);
                zigzag(&mut out, d.days_since_epoch());
            }
            (Answer::OneOf(id), QuestionKind::OneOf) => match option(id) {
                Some(k) if k < 254 => out.push(1 + k as u8),
                _ => continue,
            },
            (Answer::SeveralOf(ids), QuestionKind::SeveralOf) => {
                out.push(1);
                let start = out.len();
                out.resize(start + q.options.len().div_ceil(8), 0);
                for k in ids.iter().filter_map(|id| option(id)) {
                    out[start + k / 8] |= 1 << (k % 8);
                }
            }
            _ => continue,
        }
        debug_assert!(out.len() > at);
        out[bitmap_at + i / 8] |= 1 << (i % 8);
    }
    varint(&mut out, verdicts.len() as u64);
    let start = out.len();
    out.resize(start + verdicts.len().div_ceil(4), 0);
    for (i, v) in verdicts.iter().enumerate() {
        out[start + i / 4] |= (v & 3) << (2 * (i % 4));
    }
    out
}

/// Reads a body written by [`encode_body`] with the same pack. Never panics: every length is checked.
pub fn decode_body(pack: &Pack, bytes: &[u8]) -> Result<Body, CodeError> {
    let mut r = Reader { bytes, pos: 0 };
    let print: [u8; 4] = r.take(4)?.try_into().map_err(|_| CodeError::Truncated)?;
    if u32::from_le_bytes(print) != fingerprint(pack) {
        return Err(CodeError::PackChanged);
    }
    let date = day(r.zigzag()?)?;
    let n = pack.questions.len();
    if r.varint()? != n as u64 {
        return Err(CodeError::PackChanged);
    }
    let bitmap = r.take(n.div_ceil(8))?.to_vec();
    let mut answers = Answers::new();
    for (i, q) in pack.questions.iter().enumerate() {
        if bitmap[i / 8] & (1 << (i % 8)) == 0 {
            continue;
        }
        let first = r.byte()?;
        let answer = match (first, q.kind) {
            (0, _) => Answer::DontKnow,
            (1 | 2, QuestionKind::YesNo) => Answer::YesNo(first == 2),
            (1..=29, QuestionKind::Integer | QuestionKind::Money) => {
                let m = r.zigzag()?;
                Answer::Number(
                    Decimal::try_from_i128_with_scale(i128::from(m), u32::from(first - 1))
                        .map_err(|_| CodeError::Damaged)?,
                )
            }
            (1, QuestionKind::Date) => Answer::Date(day(r.zigzag()?)?),
            (k, QuestionKind::OneOf) => Answer::OneOf(
                q.options
                    .get(usize::from(k - 1))
                    .ok_or(CodeError::Damaged)?
                    .id
                    .clone(),
            ),
            (1, QuestionKind::SeveralOf) => {
                let set = r.take(q.options.len().div_ceil(8))?;
                Answer::SeveralOf(
                    q.options
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| set[k / 8] & (1 << (k % 8)) != 0)
                        .map(|(_, o)| o.id.clone())
                        .collect(),
                )
            }
            _ => return Err(CodeError::Damaged),
        };
        answers.set(q.id.clone(), answer);
    }
    let m = r.varint()?;
    if m != pack.aids.len() as u64 {
        return Err(CodeError::PackChanged);
    }
    let m = m as usize;
    let packed = r.take(m.div_ceil(4))?;
    let verdicts = (0..m)
        .map(|i| (packed[i / 4] >> (2 * (i % 4))) & 3)
        .collect();
    if r.pos != bytes.len() {
        return Err(CodeError::Damaged);
    }
    Ok(Body {
        date,
        answers,
        verdicts,
    })
}

fn day(days: i64) -> Result<Date, CodeError> {
    Date::from_days_since_epoch(days).ok_or(CodeError::Damaged)
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(out: &mut Vec<u8>, v: i64) {
    varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, CodeError> {
        Ok(self.take(1)?[0])
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], CodeError> {
        let end = self.pos.checked_add(n).ok_or(CodeError::Truncated)?;
        let slice = self.bytes.get(self.pos..end).ok_or(CodeError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, CodeError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CodeError::Damaged)
    }

    fn zigzag(&mut self) -> Result<i64, CodeError> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
}

/// Crockford's base32 alphabet: digits and capitals without I, L, O, U, so that a typed code is read back
/// whatever the case and whether O or 0, I or 1 was typed.
const BASE32: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The text form of a code: base32 (Crockford), what the QR code holds and what a person types.
pub fn to_text(code: &[u8]) -> String {
    let mut out = String::with_capacity(code.len() * 8 / 5 + 1);
    let (mut acc, mut bits) = (0u32, 0);
    for &b in code {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(BASE32[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(BASE32[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The text form in groups of four characters, easier to copy by hand.
pub fn grouped(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a text form back: spaces and dashes ignored, any case, O read as 0 and I or L as 1.
pub fn from_text(text: &str) -> Result<Vec<u8>, CodeError> {
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        let v = BASE32
            .iter()
            .position(|&b| char::from(b) == c)
            .ok_or(CodeError::NotACode)?;
        acc = ((acc << 5) | v as u32) & 0xffff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    if out.is_empty() {
        return Err(CodeError::NotACode);
    }
    Ok(out)
}

/// Answers to every question of `pack` with its widest encoding (the longest journey a resident can make:
/// every question answered, the largest amounts with cents, every option ticked), for the size benchmark
/// and the tests.
pub fn longest_answers(pack: &Pack, today: Date) -> Answers {
    pack.questions
        .iter()
        .map(|q| {
            let answer = match q.kind {
                QuestionKind::YesNo => Answer::YesNo(true),
                QuestionKind::Integer => Answer::Number(Decimal::from(120)),
                QuestionKind::Money => Answer::Number(Decimal::new(9_999_999, 2)),
                QuestionKind::Date => Answer::Date(today),
                QuestionKind::OneOf => {
                    Answer::OneOf(q.options.last().map(|o| o.id.clone()).unwrap_or_default())
                }
                QuestionKind::SeveralOf => {
                    Answer::SeveralOf(q.options.iter().map(|o| o.id.clone()).collect())
                }
            };
            (q.id.clone(), answer)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_round_trips_and_forgives_typing() {
        let bytes: Vec<u8> = (0..=255).collect();
        let text = to_text(&bytes);
        assert!(text.bytes().all(|b| BASE32.contains(&b)));
        assert_eq!(from_text(&text).unwrap(), bytes);
        let typed = grouped(&text)
            .to_lowercase()
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(from_text(&typed).unwrap(), bytes);
        assert_eq!(from_text("ÉCOLE"), Err(CodeError::NotACode));
        assert_eq!(from_text("  "), Err(CodeError::NotACode));
    }

    /// The same sample as `scripts/postbuild/handover.mjs` checks `static/handover.js` against: the browser's
    /// text form and the engine's are one.
    #[test]
    fn text_form_sample_shared_with_the_js_module() {
        let sample = [0, 68, 50, 20, 199, 66, 84, 182, 227, 143, 255];
        assert_eq!(to_text(&sample), "0123456789ABDRWFZW");
    }

    #[test]
    fn public_key_checks() {
        let key = format!("BA{}", "A".repeat(85));
        assert_eq!(check_public_key(&key).unwrap().len(), 65);
        assert!(check_public_key("").unwrap_err().contains("empty"));
        assert!(
            check_public_key("not a key!")
                .unwrap_err()
                .contains("base64url")
        );
        assert!(
            check_public_key(&"A".repeat(87))
                .unwrap_err()
                .contains("65 bytes")
        );
        assert!(check_public_key("BAAA").unwrap_err().contains("is 3 bytes"));
    }

    #[test]
    fn header_refuses_newer_and_short_codes() {
        assert_eq!(read_header(&[]), Err(CodeError::Truncated));
        assert_eq!(read_header(&[2, 0, 0]), Err(CodeError::NewerFormat(2)));
        assert_eq!(read_header(&[0]), Err(CodeError::NotACode));
        assert_eq!(read_header(&[1, 1, 2, 3]), Err(CodeError::Truncated));
        let mut code = vec![1, 9, 9, 9, 9, 2, b'a', b'b', 1, b'v', 3];
        let len = code.len();
        code.resize(len + SEAL_BYTES + 2, 0);
        assert_eq!(read_header(&code), Err(CodeError::Truncated));
        code.push(0);
        let header = read_header(&code).unwrap();
        assert_eq!(header.body_len, 3);
        code.push(0);
        assert_eq!(read_header(&code), Err(CodeError::Damaged));
        code.pop();
        assert_eq!(header.territory, "ab");
        assert_eq!(header.pack_version, "v");
        assert_eq!(header.key_id, [9; 4]);
        assert_eq!(header.len, len);
    }
}
