//! The desk's door to the engine: reads a resident's code (its clear header, then, once the sealing is opened
//! by WebCrypto, its body) and works the verdicts out again with the desk's pack. Every refusal is a
//! [`Refusal`] with its message in the desk's languages; nothing here panics on any input.

use crate::texts::T;
use eligo::i18n::Lang;
use eligo_engine::handover::{self, CodeError, Header};
use eligo_engine::{Answers, Date, Pack, Verdict};

/// Why a code or a key was refused, as the agent reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A code the engine refused.
    Code(CodeError, String),
    /// A key file, passphrase, camera or pack problem.
    Other(T),
}

impl Refusal {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::Other(t) => t.get(lang).to_string(),
            Refusal::Code(error, desk) => match error {
                CodeError::NotACode => T::ErrNotACode.get(lang).to_string(),
                CodeError::Truncated => T::ErrTruncated.get(lang).to_string(),
                CodeError::NewerFormat(f) => T::ErrNewer.fill(lang, &[("format", &f.to_string())]),
                CodeError::OtherTerritory(t) => {
                    T::ErrTerritory.fill(lang, &[("territory", t), ("desk", desk)])
                }
                CodeError::OtherKey => T::ErrOtherKey.get(lang).to_string(),
                CodeError::Damaged => T::ErrDamaged.get(lang).to_string(),
                CodeError::PackChanged => T::ErrPackChanged.get(lang).to_string(),
            },
        }
    }
}

/// The code typed or scanned, as bytes, with its header read: refused if it is not for this desk's key, or
/// (when the desk serves one territory) for another territory.
pub fn read(
    text: &str,
    key_id: [u8; 4],
    territory: Option<&str>,
) -> Result<(Vec<u8>, Header), Refusal> {
    let refuse = |e| Refusal::Code(e, territory.unwrap_or_default().to_string());
    let bytes = handover::from_text(text).map_err(refuse)?;
    let header = handover::read_header(&bytes).map_err(refuse)?;
    if let Some(desk) = territory.filter(|t| *t != header.territory) {
        let _ = desk;
        return Err(refuse(CodeError::OtherTerritory(header.territory.clone())));
    }
    if header.key_id != key_id {
        return Err(refuse(CodeError::OtherKey));
    }
    Ok((bytes, header))
}

/// The id of the desk's key (from its public key, base64url).
pub fn key_id(public_key: &str) -> [u8; 4] {
    handover::key_id(&handover::base64url_decode(public_key).unwrap_or_default())
}

/// An opened code, read with the desk's pack.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The clear header (territory, pack version).
    pub header: Header,
    /// The day the resident checked.
    pub date: Date,
    /// The answers.
    pub answers: Answers,
    /// Per aid, in pack order: the resident's verdict kind and the verdict with the current pack, today.
    pub verdicts: Vec<(u8, Verdict)>,
}

/// Reads the opened body with `pack` and works the verdicts out again on `today`.
pub fn open(pack: &Pack, header: Header, body: &[u8], today: Date) -> Result<Opened, Refusal> {
    let body = handover::decode_body(pack, body).map_err(|e| Refusal::Code(e, pack.id.clone()))?;
    let report = eligo_engine::evaluate(pack, &body.answers, today);
    let verdicts = body
        .verdicts
        .iter()
        .zip(report.aids)
        .map(|(then, now)| (*then, now.verdict))
        .collect();
    Ok(Opened {
        header,
        date: body.date,
        answers: body.answers,
        verdicts,
    })
}

/// The kind of a verdict, as the code carries it.
pub fn kind(verdict: &Verdict) -> u8 {
    handover::verdict_code(verdict)
}
