//! Numbers, amounts and dates for people, per language: the browser's `Intl` in the app, a plain
//! fallback elsewhere (native tests).

use crate::i18n::Lang;

#[cfg(target_arch = "wasm32")]
mod intl {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
        pub type NumberFormat;
        #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
        pub fn new(locale: &str, options: &JsValue) -> Result<NumberFormat, JsValue>;
        // Intl reads a numeric string exactly: no float parsing is needed on the Rust side.
        #[wasm_bindgen(method, js_class = "NumberFormat")]
        pub fn format(this: &NumberFormat, value: &str) -> String;
    }

    /// A formatter's settings: locale, currency or not, minimum fraction digits.
    type Settings = (&'static str, bool, u32);

    thread_local! {
        /// The formatters made so far, one per settings (a handful: a language's amounts and numbers).
        /// Making one costs about a millisecond of a slow phone's CPU (the locale's data is read each
        /// time): a results screen formats a dozen amounts (issue 16).
        static MADE: std::cell::RefCell<Vec<(Settings, NumberFormat)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }

    /// Formats with `Intl.NumberFormat(locale, { style, currency, minimumFractionDigits })`.
    pub fn format(
        locale: &'static str,
        value: &str,
        currency: bool,
        fraction: u32,
    ) -> Option<String> {
        let settings = (locale, currency, fraction);
        MADE.with_borrow_mut(|made| {
            if let Some((_, f)) = made.iter().find(|(s, _)| *s == settings) {
                return Some(f.format(value));
            }
            let options = js_sys::Object::new();
            let set = |k: &str, v: JsValue| {
                js_sys::Reflect::set(&options, &JsValue::from_str(k), &v).ok()
            };
            if currency {
                set("style", "currency".into())?;
                set("currency", "EUR".into())?;
            }
            set("minimumFractionDigits", fraction.into())?;
            set("maximumFractionDigits", 2.into())?;
            let f = NumberFormat::new(locale, &options).ok()?;
            let text = f.format(value);
            made.push((settings, f));
            Some(text)
        })
    }
}

/// Makes the browser's formatters of `lang`'s amounts and numbers ahead of their first use: the first one
/// of a page costs tens of milliseconds of a slow phone's CPU (the locale's data is loaded), which the click
/// that opens the results would otherwise wait for (issue 16). Called while the resident reads a question.
pub fn prepare(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    for (currency, fraction) in [(true, 0), (true, 2), (false, 0)] {
        let _ = intl::format(lang.number_locale(), "0", currency, fraction);
    }
    let _ = lang;
}

fn fraction_digits(text: &str) -> u32 {
    match text.split_once('.') {
        Some((_, frac)) if frac.trim_end_matches('0').is_empty() => 0,
        Some(_) => 2,
        None => 0,
    }
}

/// An amount in euros, from a decimal's text (`"120"`, `"1234.5"`): `120 €`, `€1,234.50`…
pub fn money(lang: Lang, decimal_text: &str) -> String {
    let fraction = fraction_digits(decimal_text);
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = intl::format(lang.number_locale(), decimal_text, true, fraction) {
        return text;
    }
    let _ = lang;
    format!("{} €", plain(decimal_text, fraction))
}

/// A plain number from a decimal's text, grouped per language: `1 234,5`.
pub fn number(lang: Lang, decimal_text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = intl::format(lang.number_locale(), decimal_text, false, 0) {
        return text;
    }
    let _ = lang;
    plain(decimal_text, fraction_digits(decimal_text))
}

/// Without `Intl`: the decimal with a comma, cents kept only when there are some.
fn plain(decimal_text: &str, fraction: u32) -> String {
    match decimal_text.split_once('.') {
        Some((whole, cents)) if fraction > 0 => {
            let cents: String = cents.chars().take(2).collect();
            format!("{whole},{cents:0<2}")
        }
        Some((whole, _)) => whole.to_string(),
        None => decimal_text.to_string(),
    }
}

/// A date `YYYY-MM-DD` as people read it: `25/12/2005` (day first in all three languages here).
pub fn date(iso: &str) -> String {
    let mut parts = iso.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) if y.len() == 4 => format!("{d}/{m}/{y}"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fallbacks() {
        assert_eq!(date("2026-09-01"), "01/09/2026");
        assert_eq!(money(Lang::Fr, "120.00"), "120 €");
        assert_eq!(money(Lang::Fr, "12.5"), "12,50 €");
        assert_eq!(number(Lang::Fr, "1234"), "1234");
        assert_eq!(number(Lang::En, "7"), "7");
    }
}
