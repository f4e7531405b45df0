//! A city's own pack, named by the page (`<html data-pack="packs/ville.json">` or `?pack=…`).
//!
//! The address must be on the app's own origin, or on an origin the page lists in
//! `data-pack-origins="https://www.ville.fr"` (the URL can never add one; the Content-Security-Policy's
//! `connect-src` must allow it too). The pack (merged JSON, as written by `eligo-rules build`) is fetched
//! without credentials and compiled by the engine, exactly as the checker would. If anything is wrong, the
//! app says what and where (file, line, column, field) in a note for the webmaster, and falls back to the
//! packs of the app: never a blank page.

use crate::rules::Rules;
use eligo_engine::{Pack, PackError, PathSegment};
use std::cell::RefCell;

/// Largest pack accepted (bytes of JSON).
pub const MAX_PACK_BYTES: usize = 2_000_000;

/// Where the city's pack stands.
#[derive(Clone, Debug, Default, PartialEq)]
enum Loaded {
    /// No pack named, or not fetched yet.
    #[default]
    None,
    /// Fetched and valid: (pack id, JSON).
    Valid(String, String),
    /// Named but not usable: the messages for the webmaster.
    Refused(Vec<String>),
}

thread_local! {
    static LOADED: RefCell<Loaded> = const { RefCell::new(Loaded::None) };
}

/// Whether the page names a pack.
pub fn wanted() -> bool {
    crate::page_config::get().pack.is_some()
}

/// The packs the app runs on: the city's, when it is valid, else the built-in ones.
pub fn rules() -> Rules {
    match LOADED.with(|l| l.borrow().clone()) {
        Loaded::Valid(id, json) => Rules::from_json([(id.as_str(), json.as_str())]),
        _ => Rules::built_in(),
    }
}

/// Whether the city's pack is in use (fetched and valid): the built-in packs are then not needed.
pub fn in_use() -> bool {
    LOADED.with(|l| matches!(&*l.borrow(), Loaded::Valid(..)))
}

/// The messages for the webmaster, when the named pack was refused.
pub fn problems() -> Vec<String> {
    match LOADED.with(|l| l.borrow().clone()) {
        Loaded::Refused(messages) => messages,
        _ => Vec::new(),
    }
}

/// The pack's address to carry in the take-away link (when it came from the URL and is in use).
pub fn shared_pack_param() -> Option<String> {
    let config = crate::page_config::get();
    let valid = LOADED.with(|l| matches!(&*l.borrow(), Loaded::Valid(..)));
    (valid && config.pack_from_url)
        .then(|| config.pack.clone())
        .flatten()
}

/// Gives up waiting (too slow): the built-in packs are used.
pub fn give_up() {
    LOADED.with(|l| {
        let mut loaded = l.borrow_mut();
        if *loaded == Loaded::None {
            *loaded = Loaded::Refused(vec!["the pack took too long to load".into()]);
        }
    });
}

/// Checks a pack's JSON with the engine; the messages locate each problem in `name`.
pub fn check(name: &str, json: &str) -> Result<Pack, Vec<String>> {
    if json.len() > MAX_PACK_BYTES {
        return Err(vec![format!(
            "{name}: the file is larger than {MAX_PACK_BYTES} bytes"
        )]);
    }
    Pack::from_json(json)
        .map_err(|errors| errors.0.iter().map(|e| describe(name, json, e)).collect())
}

/// One problem, for the webmaster: `ville.json, line 12, column 18, field aid[rme].criterion[1].when: …`.
pub fn describe(name: &str, json: &str, error: &PackError) -> String {
    let position = match (error.line, error.column) {
        (Some(line), column) => Some((line, column.unwrap_or(1))),
        (None, _) => locate(json, &error.path),
    };
    let mut out = name.to_string();
    if let Some((line, column)) = position {
        out.push_str(&format!(", line {line}, column {column}"));
    }
    let field = error.field_path();
    if !field.is_empty() {
        out.push_str(&format!(", field {field}"));
    }
    out.push_str(": ");
    out.push_str(&error.message);
    out
}

/// Line and column (from 1) of the value at `path` in a JSON text, if it is there.
pub fn locate(json: &str, path: &[PathSegment]) -> Option<(usize, usize)> {
    let bytes = json.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for segment in path {
        match (segment, bytes.get(pos)) {
            (PathSegment::Key(wanted), Some(b'{')) => {
                pos = skip_ws(bytes, pos + 1);
                loop {
                    if bytes.get(pos) != Some(&b'"') {
                        return None;
                    }
                    let end = skip_string(bytes, pos)?;
                    let key = serde_json::from_str::<String>(&json[pos..end]).ok()?;
                    pos = skip_ws(bytes, end);
                    if bytes.get(pos) != Some(&b':') {
                        return None;
                    }
                    pos = skip_ws(bytes, pos + 1);
                    if key == *wanted {
                        break;
                    }
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    match bytes.get(pos) {
                        Some(b',') => pos = skip_ws(bytes, pos + 1),
                        _ => return None,
                    }
                }
            }
            (PathSegment::Index(index), Some(b'[')) => {
                pos = skip_ws(bytes, pos + 1);
                for _ in 0..*index {
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    match bytes.get(pos) {
                        Some(b',') => pos = skip_ws(bytes, pos + 1),
                        _ => return None,
                    }
                }
                if matches!(bytes.get(pos), None | Some(b']')) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let before = &json[..pos];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// End (exclusive) of the string starting at `pos`.
fn skip_string(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// End (exclusive) of the value starting at `pos`.
fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = pos;
            while !matches!(
                bytes.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                i += 1;
            }
            (i > pos).then_some(i)
        }
    }
}

/// Fetches, checks and keeps the page's pack; on any problem, keeps the messages instead.
pub async fn load() {
    let outcome = fetch_and_check().await;
    LOADED.with(|l| {
        let mut loaded = l.borrow_mut();
        // A pack that arrives after the app gave up waiting is not used: the app is already running.
        if *loaded == Loaded::None {
            *loaded = match outcome {
                Ok((id, json)) => Loaded::Valid(id, json),
                Err(messages) => {
                    for m in &messages {
                        gloo::console::warn!(format!("Eligo city pack: {m}"));
                    }
                    Loaded::Refused(messages)
                }
            };
        }
    });
}

async fn fetch_and_check() -> Result<(String, String), Vec<String>> {
    let config = crate::page_config::get();
    let Some(raw) = config.pack.as_deref() else {
        return Err(Vec::new());
    };
    let location = gloo::utils::window().location();
    let base = location.href().unwrap_or_default();
    let own = location.origin().unwrap_or_default();
    let url = web_sys::Url::new_with_base(raw, &base)
        .map_err(|_| vec![format!("{raw}: not a valid address")])?;
    if !matches!(url.protocol().as_str(), "https:" | "http:") {
        return Err(vec![format!("{raw}: only http(s) addresses are accepted")]);
    }
    let origin = url.origin();
    if origin != own && !config.pack_origins.contains(&origin) {
        return Err(vec![format!(
            "{raw}: the pack must be on this site ({own}) or on an origin listed in data-pack-origins"
        )]);
    }
    let href = url.href();
    let name = url
        .pathname()
        .rsplit('/')
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or("pack")
        .to_string();
    let text = fetch_text(&href, true).await?;
    let pack = check(&name, &text)?;
    Ok((pack.id.clone(), text))
}

/// Fetches a text file (a pack: the city's, or a built-in one from the app's own folder) with a GET;
/// `omit_credentials` for a city's pack (it may come from another origin). Errors name the address.
pub async fn fetch_text(href: &str, omit_credentials: bool) -> Result<String, Vec<String>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let init = web_sys::RequestInit::new();
    if omit_credentials {
        init.set_credentials(web_sys::RequestCredentials::Omit);
    }
    init.set_method("GET");
    let failed = |what: &str| vec![format!("{href}: {what}")];
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(href, &init))
        .await
        .map_err(|_| {
            failed("could not be fetched (network, or not allowed by the Content-Security-Policy)")
        })?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        )));
    }
    JsFuture::from(response.text().map_err(|_| failed("unreadable"))?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| failed("unreadable"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> PathSegment {
        PathSegment::Key(k.into())
    }

    #[test]
    fn locates_fields_in_json() {
        let json = "{\n  \"pack\": {\"id\": \"x\"},\n  \"aid\": [\n    {\"id\": \"a\", \"s\": \"}]\\\"\"},\n    {\n      \"id\": \"b\",\n      \"criterion\": [{\"when\": \"agee < 3\"}]\n    }\n  ]\n}";
        let path = [
            key("aid"),
            PathSegment::Index(1),
            key("criterion"),
            PathSegment::Index(0),
            key("when"),
        ];
        assert_eq!(locate(json, &path), Some((7, 30)));
        assert_eq!(locate(json, &[key("pack"), key("id")]), Some((2, 18)));
        assert_eq!(locate(json, &[key("aid"), PathSegment::Index(2)]), None);
        assert_eq!(locate(json, &[key("nothing")]), None);
        assert_eq!(
            locate("{\"a\": [1, 2, 3]}", &[key("a"), PathSegment::Index(2)]),
            Some((1, 14))
        );
        assert_eq!(locate("not json", &[key("a")]), None);
    }

    #[test]
    fn broken_packs_are_refused_with_a_location() {
        let messages = check("ville.json", "{\n  \"pack\": {\n    \"id\": 12\n").unwrap_err();
        assert_eq!(messages.len(), 1);
        assert!(
            messages[0].starts_with("ville.json, line "),
            "{}",
            messages[0]
        );
        let messages = check("ville.json", "[]").unwrap_err();
        assert!(
            messages[0].starts_with("ville.json, line 1"),
            "{}",
            messages[0]
        );
    }

    #[test]
    fn the_broken_fixture_names_its_field_and_line() {
        let json = include_str!("../tests/e2e/fixtures/broken-pack.json");
        let messages = check("broken-pack.json", json).unwrap_err();
        assert!(
            messages
                .iter()
                .any(|m| m.contains("line ") && m.contains("field aid[") && m.contains("agee")),
            "{messages:?}"
        );
        let valid = include_str!("../tests/e2e/fixtures/city-pack.json");
        assert!(check("city-pack.json", valid).is_ok());
    }
}
