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

use crate::page_config::PageConfig;
use crate::rules::{Pack, read_pack};

/// The pack's address to carry in the take-away link: when it came from the URL and is in use (`in_use`).
pub fn shared_pack_param(config: &PageConfig, in_use: bool) -> Option<String> {
    (in_use && config.pack_from_url)
        .then(|| config.pack.clone())
        .flatten()
}

/// Fetches and reads the page's pack (see the module's documentation); the messages say what went wrong.
pub async fn fetch(config: &PageConfig) -> Result<Pack, Vec<String>> {
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
    let bytes = crate::browser::fetch_bytes(&href, true).await?;
    read_pack(&name, &bytes)
}
