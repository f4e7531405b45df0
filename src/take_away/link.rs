//! The take-away link: the app's address, plus a fragment with the territory and the aids to ask for and to
//! check. Never an answer: the fragment is built from aid ids only, and a fragment never reaches any server.
//!
//! `https://aides.ville.fr/#t=chenove&a=rme,mutuelle&c=css`

use crate::page_config::is_id;

/// Most aids carried per group (keeps the QR code small and readable).
pub const MAX_AIDS: usize = 24;

/// What the link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Payload {
    /// Territory (pack id).
    pub territory: String,
    /// Aids to ask for.
    pub ask: Vec<String>,
    /// Aids to check with the CCAS.
    pub check: Vec<String>,
}

impl Payload {
    /// The fragment, `#t=…&a=…&c=…` (ids only; anything else is left out).
    pub fn fragment(&self) -> String {
        let ids = |list: &[String]| {
            list.iter()
                .filter(|id| is_id(id))
                .take(MAX_AIDS)
                .cloned()
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut out = format!(
            "#t={}",
            if is_id(&self.territory) {
                self.territory.as_str()
            } else {
                ""
            }
        );
        out.push_str(&format!("&a={}", ids(&self.ask)));
        if !self.check.is_empty() {
            out.push_str(&format!("&c={}", ids(&self.check)));
        }
        out
    }

    /// Reads a fragment written by [`Payload::fragment`]; `None` if it is not one.
    pub fn parse(fragment: &str) -> Option<Payload> {
        let body = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut payload = Payload::default();
        let mut seen_territory = false;
        for part in body.split('&') {
            let (key, value) = part.split_once('=')?;
            let ids = || -> Option<Vec<String>> {
                let list: Vec<String> = value
                    .split(',')
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
                    .take(MAX_AIDS)
                    .collect();
                list.iter().all(|id| is_id(id)).then_some(list)
            };
            match key {
                "t" if is_id(value) => {
                    payload.territory = value.to_string();
                    seen_territory = true;
                }
                "a" => payload.ask = ids()?,
                "c" => payload.check = ids()?,
                _ => return None,
            }
        }
        seen_territory.then_some(payload)
    }
}

/// The full link: `base` (the app's public address, without query or fragment), an optional `pack` query
/// parameter (a city's pack given by URL), then the fragment.
pub fn link(base: &str, pack: Option<&str>, payload: &Payload) -> String {
    let base = base.split(['#', '?']).next().unwrap_or(base);
    let query = pack
        .map(|p| format!("?pack={}", percent_encode(p)))
        .unwrap_or_default();
    format!("{base}{query}{}", payload.fragment())
}

/// Percent-encodes everything but unreserved characters and `/`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload() -> Payload {
        Payload {
            territory: "chenove".into(),
            ask: vec!["rme".into(), "mutuelle".into()],
            check: vec!["css".into()],
        }
    }

    #[test]
    fn round_trip() {
        let p = payload();
        assert_eq!(p.fragment(), "#t=chenove&a=rme,mutuelle&c=css");
        assert_eq!(Payload::parse(&p.fragment()), Some(p));
        let empty = Payload {
            territory: "besancon".into(),
            ..Payload::default()
        };
        assert_eq!(Payload::parse(&empty.fragment()), Some(empty));
    }

    #[test]
    fn anything_but_ids_is_refused_or_left_out() {
        for bad in [
            "",
            "#",
            "#main",
            "#t=chenove&age=20",
            "#t=Chenove",
            "#t=chenove&a=rme,<b>",
            "#a=rme",
            "#t=x&a",
        ] {
            assert_eq!(Payload::parse(bad), None, "{bad}");
        }
        let sneaky = Payload {
            territory: "chenove".into(),
            ask: vec!["rme".into(), "450 €".into()],
            check: vec![],
        };
        assert_eq!(sneaky.fragment(), "#t=chenove&a=rme");
    }

    #[test]
    fn links() {
        assert_eq!(
            link("https://aides.ville.fr/?kiosk=1#x", None, &payload()),
            "https://aides.ville.fr/#t=chenove&a=rme,mutuelle&c=css"
        );
        assert_eq!(
            link(
                "http://127.0.0.1:8080/index.html",
                Some("/packs/ville 1.json"),
                &payload()
            ),
            "http://127.0.0.1:8080/index.html?pack=/packs/ville%201.json#t=chenove&a=rme,mutuelle&c=css"
        );
    }
}
