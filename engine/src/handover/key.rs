//! The pack's `[handover]` table: the CCAS public key that codes are sealed for, and its checks. Apart from
//! the code itself (the parent module), so that the pack's format can name it without depending on the code,
//! which reads packs.

use serde::{Deserialize, Serialize};

/// Bytes of an uncompressed P-256 public key (`0x04 || x || y`).
pub const PUBLIC_KEY_BYTES: usize = 65;

/// `[handover]`: the CCAS public key that codes are sealed for. Its private key stays on the desk computer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    /// The public key the desk page shows when it creates the key: an uncompressed P-256 point in base64url
    /// (87 characters).
    pub public_key: String,
}

impl Handover {
    /// The key's bytes, if it is well formed (the checker refuses the pack otherwise).
    pub fn key_bytes(&self) -> Option<Vec<u8>> {
        check_public_key(&self.public_key).ok()
    }
}

/// The key's 65 bytes, or what is wrong with it in words a CCAS understands.
pub fn check_public_key(text: &str) -> Result<Vec<u8>, String> {
    const HOW: &str =
        "paste the public key exactly as the desk page (desk.html) shows it, on one line";
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("the public key is empty: {HOW}"));
    }
    let Some(bytes) = base64url_decode(text) else {
        return Err(format!(
            "the public key is not in base64url (only letters, digits, - and _): {HOW}"
        ));
    };
    if bytes.len() != PUBLIC_KEY_BYTES || bytes[0] != 4 {
        return Err(format!(
            "the public key is {} bytes, not a P-256 public key (65 bytes starting with 4): {HOW}",
            bytes.len()
        ));
    }
    Ok(bytes)
}

/// The 4 bytes naming a key in the header: the start of its x coordinate. A desk holding another key says
/// so instead of "damaged code". Not secret: the public key is published in the pack.
pub fn key_id(key: &[u8]) -> [u8; 4] {
    let mut id = [0; 4];
    if let Some(x) = key.get(1..5) {
        id.copy_from_slice(x);
    }
    id
}

/// base64url without padding, decoded (the public key's form); `None` on any other character.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        acc = ((acc << 6) | u32::from(v)) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}
