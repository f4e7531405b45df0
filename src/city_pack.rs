//! A city's own pack, named by the page (`<html data-pack="packs/ville.pack">` or `?pack=…`).
//!
//! The address must be on the app's own origin, or on an origin the page lists in
//! `data-pack-origins="https://www.ville.fr"` (the URL can never add one; the Content-Security-Policy's
//! `connect-src` must allow it too). The pack is the file `eligo-rules build` writes (the compiled pack
//! in the engine's binary form: the browser needs no parser and no compiler for it); it is fetched
//! without credentials and read by the engine, which checks every reference in it. If anything is
//! wrong, the app says what (file, and which part: not a pack, another version, damaged at which
//! byte, which item is inconsistent) in a note for the webmaster, and falls back to the packs of the
//! app: never a blank page. Mistakes in the rules themselves are caught before, by `eligo-rules
//! check`, with the line and field.

use crate::rules::Rules;
use eligo_engine::{DecodeError, Pack};
use std::cell::RefCell;
use std::rc::Rc;

/// Largest pack accepted (bytes).
pub const MAX_PACK_BYTES: usize = 2_000_000;

/// Where the city's pack stands.
#[derive(Clone, Debug, Default, PartialEq)]
enum Loaded {
    /// No pack named, or not fetched yet.
    #[default]
    None,
    /// Fetched and valid.
    Valid(Rc<Pack>),
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
        Loaded::Valid(pack) => Rules::single(pack),
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
    (in_use() && config.pack_from_url)
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

/// Reads a pack file with the engine; the message names `name` and says what is wrong.
pub fn check(name: &str, bytes: &[u8]) -> Result<Pack, Vec<String>> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(vec![format!(
            "{name}: the file is larger than {MAX_PACK_BYTES} bytes"
        )]);
    }
    Pack::from_bytes(bytes).map_err(|error| {
        let text_form = matches!(bytes.trim_ascii_start().first(), Some(b'{' | b'[' | b'#'));
        vec![match error {
            // The rules' text (TOML or merged JSON) instead of the built file: say what to run.
            DecodeError::NotAPack if text_form => format!(
                "{name}: this is the text of a pack; the app reads the file `eligo-rules build` writes from it (eligo-rules build pack.toml -o ville.pack), after `eligo-rules check` finds no mistake"
            ),
            error => format!("{name}: {error}"),
        }]
    })
}

/// Fetches, checks and keeps the page's pack; on any problem, keeps the messages instead.
pub async fn load() {
    let outcome = fetch_and_check().await;
    LOADED.with(|l| {
        let mut loaded = l.borrow_mut();
        // A pack that arrives after the app gave up waiting is not used: the app is already running.
        if *loaded == Loaded::None {
            *loaded = match outcome {
                Ok(pack) => Loaded::Valid(Rc::new(pack)),
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

async fn fetch_and_check() -> Result<Pack, Vec<String>> {
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
    let bytes = fetch_bytes(&href, true).await?;
    check(&name, &bytes)
}

/// Fetches a file (a pack: the city's, or a built-in one from the app's own folder) with a GET;
/// `omit_credentials` for a city's pack (it may come from another origin). Errors name the address.
pub async fn fetch_bytes(href: &str, omit_credentials: bool) -> Result<Vec<u8>, Vec<String>> {
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
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| failed("unreadable"))?)
        .await
        .map_err(|_| failed("unreadable"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Vec<u8> {
        crate::rules::PACKS[0].1.to_vec()
    }

    #[test]
    fn a_valid_pack_is_read() {
        let pack = check("ville.pack", &demo()).unwrap();
        assert_eq!(pack.id, crate::rules::PACKS[0].0);
    }

    #[test]
    fn every_refusal_names_the_file_and_the_reason() {
        let mut damaged = demo();
        damaged.truncate(damaged.len() / 2);
        let mut other_version = demo();
        other_version[5] = 0;
        for (bytes, says) in [
            (damaged, "damaged (it cannot be read past byte "),
            (other_version, "another version of Eligo (format 0"),
            (b"<!doctype html><p>Not found".to_vec(), "not a pack file"),
            (
                b"{\"pack\": {\"id\": \"ville\"}}".to_vec(),
                "eligo-rules build pack.toml -o ville.pack",
            ),
            (b"# Rules of Ville\n[pack]".to_vec(), "the text of a pack"),
        ] {
            let messages = check("ville.pack", &bytes).unwrap_err();
            assert_eq!(messages.len(), 1);
            assert!(
                messages[0].starts_with("ville.pack: ") && messages[0].contains(says),
                "{}",
                messages[0]
            );
        }
        let huge = vec![0; MAX_PACK_BYTES + 1];
        assert!(check("ville.pack", &huge).unwrap_err()[0].contains("larger than"));
    }
}
