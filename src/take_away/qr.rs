//! A QR code drawn locally as inline SVG (one path of dark modules), with the `qrcodegen` encoder.

use qrcodegen::{QrCode, QrCodeEcc};
use std::fmt::Write;
use yew::prelude::*;

/// Quiet zone around the code, in modules (the standard asks for 4).
const BORDER: i32 = 4;

/// The SVG path of the dark modules of a QR code for `text`, and its size with the quiet zone.
pub fn svg_path(text: &str) -> Option<(String, i32)> {
    // A link always has lower-case letters ("https", "#t="): `encode_text` would choose the byte mode for
    // it too, so this is the same code, without the numeric and alphanumeric encoders.
    let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                let _ = write!(
                    path,
                    "M{},{}h{}v1h-{}z",
                    start + BORDER,
                    y + BORDER,
                    x - start,
                    x - start
                );
            } else {
                x += 1;
            }
        }
    }
    Some((path, size + 2 * BORDER))
}

/// A QR code for `text` as an inline SVG image named `label` (nothing if the text is too long to encode).
pub fn qr_svg(text: &str, label: &str) -> Html {
    let Some((path, size)) = svg_path(text) else {
        return html! {};
    };
    let side = AttrValue::from(size.to_string());
    html! {
        <svg class="qr" role="img" aria-label={label.to_string()} viewBox={format!("0 0 {size} {size}")}
            shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
            <rect width={side.clone()} height={side} fill="#ffffff" />
            <path d={path} fill="#000000" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_modules() {
        let (path, size) = svg_path("https://aides.ville.fr/#t=chenove&a=rme").unwrap();
        assert!(size >= 21 + 8);
        // The three finder patterns start with a run of 7 dark modules on the first row.
        assert!(path.starts_with("M4,4h7v1h-7z"), "{}", &path[..40]);
    }

    #[test]
    fn a_link_gets_the_code_encode_text_would_draw() {
        let link = "https://aides.ville.fr/app/#t=chenove&a=rme,mutuelle&c=css";
        let text = QrCode::encode_text(link, QrCodeEcc::Medium).unwrap();
        let binary = QrCode::encode_binary(link.as_bytes(), QrCodeEcc::Medium).unwrap();
        assert_eq!(text.size(), binary.size());
        for y in 0..text.size() {
            for x in 0..text.size() {
                assert_eq!(text.get_module(x, y), binary.get_module(x, y));
            }
        }
    }
}
