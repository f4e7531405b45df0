//! What the hosting page asks of the app: kiosk mode, embedding, territory, language, theme colour, a city's
//! own pack, the public address for the take-away link.
//!
//! Read once at start, from `<html data-…>` attributes (the page's own configuration, which wins) and from the
//! URL query (`?kiosk=1&idle=90`). Every value is validated; an invalid one is ignored and noted for the
//! webmaster ([`PageConfig::notes`]). Nothing here is about the resident's answers.

/// Idle time before the kiosk's countdown, by default (seconds).
pub const DEFAULT_IDLE_SECS: u32 = 120;
/// Length of the kiosk's countdown, by default (seconds).
pub const DEFAULT_COUNTDOWN_SECS: u32 = 30;
/// Minimum contrast of the theme colour with white text (WCAG AA, normal text).
pub const MIN_CONTRAST: f64 = 4.5;

/// The page's configuration, validated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageConfig {
    /// Shared touch screen: larger targets, no link out, "Finish", idle wipe.
    pub kiosk: bool,
    /// Seconds without any touch or key before the countdown.
    pub idle_secs: u32,
    /// Seconds of countdown before everything is wiped.
    pub countdown_secs: u32,
    /// Inside an iframe of a city's page.
    pub embed: bool,
    /// Origin of the embedding page (`https://www.ville.fr`), the only one the height is told to.
    pub host_origin: Option<String>,
    /// Territory (pack id) fixed by the page.
    pub territory: Option<String>,
    /// Interface language fixed by the page (`fr`, `en`, `ar`).
    pub lang: Option<String>,
    /// Theme colour (`#rrggbb`), checked for contrast with white text.
    pub primary: Option<Rgb>,
    /// Address of a city's own pack, as written (resolved and checked by [`crate::city_pack`]).
    pub pack: Option<String>,
    /// Whether `pack` came from the URL (then the take-away link carries it too).
    pub pack_from_url: bool,
    /// Other origins a pack may come from (page attribute only, never the URL).
    pub pack_origins: Vec<String>,
    /// Public address of the app for the take-away link (`https://aides.ville.fr/`): page attribute only,
    /// never the URL.
    pub share_url: Option<String>,
    /// The origins allowed to embed the widget (`data-host-origins`, page attribute only, never the URL).
    /// Empty: any page may embed it and name itself as `host`; set: `host` must be one of them.
    pub host_origins: Vec<String>,
    /// Open on the results screen (`view=results`), with no answer yet: a link "see the aids of the town",
    /// and the page the performance audit measures. Never in kiosk mode, which always starts afresh.
    pub open_results: bool,
    /// Problems with the configuration, for the webmaster (English, technical).
    pub notes: Vec<String>,
}

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rgb` or `#rrggbb` (nothing else).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
        let pair = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.1).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Contrast ratio with another colour (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }

    /// A darker shade (hover, pressed), three quarters of each channel.
    pub fn darker(self) -> Rgb {
        let d = |c: u8| (u16::from(c) * 3 / 4) as u8;
        Rgb(d(self.0), d(self.1), d(self.2))
    }
}

/// Checks a theme colour: `#rgb`/`#rrggbb`, with white text on it and as text on white at ≥ 4.5:1.
pub fn theme_colour(text: &str) -> Result<Rgb, String> {
    let colour = Rgb::parse(text.trim()).ok_or_else(|| {
        format!("colour \"{text}\" refused: write #rgb or #rrggbb (in a URL, # is %23)")
    })?;
    let contrast = colour.contrast(Rgb(255, 255, 255));
    if contrast < MIN_CONTRAST {
        // Tenths as integers: formatting an f64 would add ~11 KB of float printing to the wasm.
        let tenths = (contrast * 10.0) as u32;
        return Err(format!(
            "colour {} refused: contrast with white is {}.{}:1, at least 4.5:1 is needed",
            colour.hex(),
            tenths / 10,
            tenths % 10
        ));
    }
    Ok(colour)
}

/// Checks an origin such as `https://www.ville.fr` or `http://127.0.0.1:8080` (scheme, host, port; no path).
/// Returns it in lower case, without a trailing slash.
pub fn origin(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('/').to_ascii_lowercase();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.contains(']') || host.ends_with(']') => (host, Some(port)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && (host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
            || (host.starts_with('[') && host.ends_with(']')));
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then_some(text)
}

/// A pack id or option id: `[a-z0-9_-]`, 1 to 64 characters.
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

fn truthy(value: &str) -> bool {
    matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "" | "1" | "true" | "yes" | "on" | "kiosk"
    )
}

impl PageConfig {
    /// Reads the configuration: `page(name)` is the `data-name` attribute of `<html>`, `query` the URL's
    /// parameters (already decoded). The page wins over the URL.
    pub fn read(page: impl Fn(&str) -> Option<String>, query: &[(String, String)]) -> PageConfig {
        let from_query = |name: &str| {
            query
                .iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let get = |name: &str| page(name).or_else(|| from_query(name));
        let mut config = PageConfig {
            idle_secs: DEFAULT_IDLE_SECS,
            countdown_secs: DEFAULT_COUNTDOWN_SECS,
            ..PageConfig::default()
        };
        config.kiosk = get("kiosk").is_some_and(|v| truthy(&v));
        config.embed = get("embed").is_some_and(|v| truthy(&v));
        let seconds = |name: &str, default: u32, notes: &mut Vec<String>| match get(name) {
            None => default,
            Some(v) => match v.trim().parse::<u32>() {
                Ok(n) if (2..=3600).contains(&n) => n,
                _ => {
                    notes.push(format!(
                        "{name}=\"{v}\" ignored: a whole number of seconds from 2 to 3600"
                    ));
                    default
                }
            },
        };
        config.idle_secs = seconds("idle", DEFAULT_IDLE_SECS, &mut config.notes);
        config.countdown_secs = seconds("countdown", DEFAULT_COUNTDOWN_SECS, &mut config.notes);
        if let Some(host) = get("host") {
            match origin(&host) {
                Some(o) => config.host_origin = Some(o),
                None => config.notes.push(format!(
                    "host=\"{host}\" ignored: an origin such as https://www.ville.fr"
                )),
            }
        }
        if let Some(t) = get("territory") {
            if is_id(&t) {
                config.territory = Some(t);
            } else {
                config.notes.push(format!(
                    "territory=\"{t}\" ignored: a pack id such as chenove"
                ));
            }
        }
        if let Some(l) = get("lang") {
            if matches!(l.as_str(), "fr" | "en" | "ar") {
                config.lang = Some(l);
            } else {
                config
                    .notes
                    .push(format!("lang=\"{l}\" ignored: fr, en or ar"));
            }
        }
        if let Some(c) = get("primary") {
            match theme_colour(&c) {
                Ok(colour) => config.primary = Some(colour),
                Err(note) => config.notes.push(note),
            }
        }
        match get("view").as_deref().map(str::trim) {
            None | Some("" | "start") => {}
            Some("results") => config.open_results = !config.kiosk,
            Some(other) => config
                .notes
                .push(format!("view=\"{other}\" ignored: start or results")),
        }
        config.host_origins = origin_list("host-origins", page("host-origins"), &mut config.notes);
        if let Some(host) = &config.host_origin
            && !config.host_origins.is_empty()
            && !config.host_origins.contains(host)
        {
            config.notes.push(format!(
                "host=\"{host}\" ignored: not in the page's host-origins"
            ));
            config.host_origin = None;
        }
        config.pack_from_url = page("pack").is_none() && from_query("pack").is_some();
        config.pack = get("pack")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        config.pack_origins = origin_list("pack-origins", page("pack-origins"), &mut config.notes);
        // Like the pack's origins and the embedders below, the take-away address is the page's alone: from
        // the address bar it would send the resident's take-away link (and its QR code) to any site.
        if from_query("share-url").is_some() && page("share-url").is_none() {
            config.notes.push(
                "share-url in the address ignored: set data-share-url on the page's <html>"
                    .to_string(),
            );
        }
        if let Some(url) = page("share-url") {
            if url.starts_with("https://") || url.starts_with("http://") {
                config.share_url = Some(url);
            } else {
                config.notes.push(format!(
                    "share-url=\"{url}\" ignored: an absolute http(s) address"
                ));
            }
        }
        config
    }
}

/// The page's configuration, read from the page (once, at start: the shell hands it to the app's state).
#[cfg(target_arch = "wasm32")]
pub fn from_page() -> PageConfig {
    let root = gloo::utils::document().document_element();
    let page = |name: &str| {
        root.as_ref()
            .and_then(|r| r.get_attribute(&format!("data-{name}")))
    };
    let mut query = Vec::new();
    if let Ok(search) = gloo::utils::window().location().search()
        && let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search)
    {
        for entry in js_sys::try_iter(&params)
            .ok()
            .flatten()
            .into_iter()
            .flatten()
            .flatten()
        {
            let pair = js_sys::Array::from(&entry);
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                query.push((k, v));
            }
        }
    }
    PageConfig::read(page, &query)
}

/// The page's configuration (native builds have no page: the defaults).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_page() -> PageConfig {
    PageConfig::read(|_| None, &[])
}

/// Applies the configuration to the page before the app starts: `data-territory`, `data-lang` (read by the
/// app), `data-kiosk`/`data-embed` (for the style sheet), the theme colour as CSS custom properties (through
/// the CSSOM, which the Content-Security-Policy allows, never a `style` attribute), and notes in the console.
pub fn apply(config: &PageConfig) {
    use wasm_bindgen::JsCast;
    let Some(root) = gloo::utils::document().document_element() else {
        return;
    };
    let set_if_absent = |name: &str, value: &str| {
        if root.get_attribute(name).is_none() {
            let _ = root.set_attribute(name, value);
        }
    };
    if let Some(t) = &config.territory {
        set_if_absent("data-territory", t);
    }
    if let Some(l) = &config.lang {
        set_if_absent("data-lang", l);
    }
    // The style sheet reads these two: they must say exactly what the app does (`data-kiosk="0"` is off).
    for (name, on) in [("data-kiosk", config.kiosk), ("data-embed", config.embed)] {
        let _ = if on {
            root.set_attribute(name, "")
        } else {
            root.remove_attribute(name)
        };
    }
    if let (Some(colour), Some(html)) = (config.primary, root.dyn_ref::<web_sys::HtmlElement>()) {
        let style = html.style();
        let _ = style.set_property("--eligo-primary", &colour.hex());
        let _ = style.set_property("--eligo-primary-dark", &colour.darker().hex());
    }
    for note in &config.notes {
        gloo::console::warn!(format!("Eligo configuration: {note}"));
    }
}

/// `x` to the power 2.4, for `x` in (0, 1], from square roots only: `powf` would bring ~2 KB of
/// libm into the wasm, where `sqrt` is one instruction. x^0.4 is taken as x to the power
/// 1/4 + 1/8 + 1/64 + 1/128 + 1/1024 + 1/2048 (0.3999), close enough for a contrast check (relative
/// error under 0.05 %, see the test).
fn pow_2_4(x: f64) -> f64 {
    let mut roots = [0.0; 12];
    roots[0] = x;
    for i in 1..roots.len() {
        roots[i] = roots[i - 1].sqrt();
    }
    x * x * roots[2] * roots[3] * roots[6] * roots[7] * roots[10] * roots[11]
}

/// A page setting listing origins (`pack-origins`, `host-origins`), space-separated: the valid ones, and a
/// note for the webmaster on each one ignored.
fn origin_list(setting: &str, value: Option<String>, notes: &mut Vec<String>) -> Vec<String> {
    value
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|o| {
            let checked = origin(o);
            if checked.is_none() {
                notes.push(format!(
                    "{setting}: \"{o}\" ignored: an origin such as https://www.ville.fr"
                ));
            }
            checked
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_power_from_square_roots_is_close_to_powf() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, exact) = (pow_2_4(x), x.powf(2.4));
            assert!(
                (ours - exact).abs() / exact < 5e-4,
                "{c}: {ours} against {exact}"
            );
        }
    }

    fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn colours_are_strict() {
        assert_eq!(Rgb::parse("#1d4f91"), Some(Rgb(0x1d, 0x4f, 0x91)));
        assert_eq!(Rgb::parse("#fff"), Some(Rgb(255, 255, 255)));
        for bad in [
            "1d4f91",
            "#1d4f9",
            "#1d4f911",
            "#ggg",
            "red",
            "#1d4f91;x:y",
            "url(#a)",
            "",
            "#",
            "#+12",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert!(theme_colour("#1d4f91").is_ok());
        assert!(theme_colour("#000").is_ok());
        let refused = theme_colour("#ffcc00").unwrap_err();
        assert!(refused.contains("contrast"), "{refused}");
        assert!(theme_colour("#777777").is_err(), "4.48:1 is just below");
        assert!(theme_colour("#767676").is_ok(), "4.54:1 is just above");
    }

    #[test]
    fn contrast_matches_wcag() {
        let white = Rgb(255, 255, 255);
        assert!((Rgb(0, 0, 0).contrast(white) - 21.0).abs() < 1e-9);
        assert!((white.contrast(white) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn origins_are_checked() {
        assert_eq!(
            origin("https://www.ville.fr/").as_deref(),
            Some("https://www.ville.fr")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        for bad in [
            "https://a.fr/page",
            "javascript:alert(1)",
            "https://",
            "ftp://a.fr",
            "https://a.fr:x",
            "*",
            "null",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
        assert_eq!(origin("https://user@a.fr"), None);
    }

    #[test]
    fn view_results_opens_the_results_except_in_kiosk_mode() {
        let none = |_: &str| None;
        assert!(PageConfig::read(none, &q(&[("view", "results")])).open_results);
        assert!(!PageConfig::read(none, &q(&[])).open_results);
        assert!(!PageConfig::read(none, &q(&[("view", "start")])).open_results);
        let kiosk = PageConfig::read(none, &q(&[("view", "results"), ("kiosk", "1")]));
        assert!(!kiosk.open_results, "a kiosk always starts afresh");
        let odd = PageConfig::read(none, &q(&[("view", "answers")]));
        assert!(!odd.open_results);
        assert_eq!(odd.notes.len(), 1, "{:?}", odd.notes);
    }

    #[test]
    fn page_wins_and_bad_values_are_noted() {
        let page = |name: &str| (name == "territory").then(|| "besancon".to_string());
        let config = PageConfig::read(
            page,
            &q(&[
                ("kiosk", "1"),
                ("idle", "5"),
                ("countdown", "abc"),
                ("territory", "chenove"),
                ("lang", "de"),
                ("primary", "#ffff00"),
                ("host", "https://www.ville.fr"),
                ("pack", "/packs/ville.json"),
            ]),
        );
        assert!(config.kiosk);
        assert!(!config.embed);
        assert_eq!(config.idle_secs, 5);
        assert_eq!(config.countdown_secs, DEFAULT_COUNTDOWN_SECS);
        assert_eq!(config.territory.as_deref(), Some("besancon"));
        assert_eq!(config.lang, None);
        assert_eq!(config.primary, None);
        assert_eq!(config.host_origin.as_deref(), Some("https://www.ville.fr"));
        assert_eq!(config.pack.as_deref(), Some("/packs/ville.json"));
        assert!(config.pack_from_url);
        assert!(
            config.pack_origins.is_empty(),
            "the URL never extends the allow-list"
        );
        assert_eq!(config.notes.len(), 3, "{:?}", config.notes);
    }

    /// Issue 19: the take-away address and the embedders' allow-list are the page's, never the URL's.
    #[test]
    fn the_address_bar_cannot_redirect_the_take_away_link_nor_widen_the_embedders() {
        let none = |_: &str| None;
        let evil = q(&[("share-url", "https://evil.example/collect")]);
        let config = PageConfig::read(none, &evil);
        assert_eq!(config.share_url, None);
        assert_eq!(config.notes.len(), 1, "{:?}", config.notes);
        let page =
            |name: &str| (name == "share-url").then(|| "https://aides.ville.fr/".to_string());
        let config = PageConfig::read(page, &evil);
        assert_eq!(config.share_url.as_deref(), Some("https://aides.ville.fr/"));

        let allowed = |name: &str| {
            (name == "host-origins")
                .then(|| "https://www.ville.fr http://127.0.0.1:8080 nope".to_string())
        };
        let config = PageConfig::read(allowed, &q(&[("host", "https://evil.example")]));
        assert_eq!(config.host_origin, None, "not in the allow-list");
        assert_eq!(
            config.host_origins,
            ["https://www.ville.fr", "http://127.0.0.1:8080"]
        );
        let config = PageConfig::read(allowed, &q(&[("host", "https://www.ville.fr/")]));
        assert_eq!(config.host_origin.as_deref(), Some("https://www.ville.fr"));
        let config = PageConfig::read(
            none,
            &q(&[
                ("host-origins", "https://evil.example"),
                ("host", "https://x.fr"),
            ]),
        );
        assert!(
            config.host_origins.is_empty(),
            "the URL never sets the allow-list"
        );
        assert_eq!(config.host_origin.as_deref(), Some("https://x.fr"));
    }

    #[test]
    fn defaults() {
        let config = PageConfig::read(|_| None, &[]);
        assert!(!config.kiosk && !config.embed);
        assert_eq!((config.idle_secs, config.countdown_secs), (120, 30));
        assert!(config.notes.is_empty());
        let off = PageConfig::read(|_| None, &q(&[("kiosk", "0")]));
        assert!(!off.kiosk);
        let attr = PageConfig::read(|n| (n == "kiosk").then(String::new), &[]);
        assert!(attr.kiosk, "<html data-kiosk> turns it on");
    }
}
