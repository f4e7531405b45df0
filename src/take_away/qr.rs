//! The take-away QR code, drawn locally as inline SVG (one path of dark modules). The encoder is not in the
//! wasm: it is a small JS module (`static/qr.js`), loaded only when a resident asks for a QR code, through
//! the `eligoQrPath(text)` entry point that the start-up script defines (scripts/postbuild.mjs). Where it
//! is missing (a test page, the development server) or fails (offline with nothing cached), there is no code
//! and the take-away panel shows the link written out only.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `eligoQrPath(text)`: a Promise of the QR code of `text`, `{ path, size }`, or of `null` when the text
    /// does not fit in a QR code. An error (caught) where the start-up script did not define it.
    #[wasm_bindgen(js_name = eligoQrPath, catch)]
    fn eligo_qr_path(text: &str) -> Result<JsValue, JsValue>;
}

/// A QR code as the encoder draws it: SVG path data of its dark modules, and its side in modules with the
/// quiet zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    path: String,
    size: u32,
}

impl Drawing {
    /// What the encoder gave, if it is a drawing: a side of a QR code of version 1 to 40 with its 4-module
    /// quiet zone (21 + 8 to 177 + 8 modules), and path data (digits and `M , h v z -` only).
    pub fn new(path: String, size: f64) -> Option<Drawing> {
        let valid_size = (29.0..=185.0).contains(&size) && (size - 29.0) % 4.0 == 0.0;
        let valid_path = !path.is_empty()
            && path
                .bytes()
                .all(|b| b.is_ascii_digit() || b"M,hvz-".contains(&b));
        (valid_size && valid_path).then_some(Drawing {
            path,
            size: size as u32,
        })
    }
}

/// Draws the QR code of `text` with the encoder loaded on demand; `None` if there is none, it failed, or the
/// text is too long. Never panics: every step that can fail in JS is caught.
pub async fn draw(text: &str) -> Option<Drawing> {
    let promise = js_sys::Promise::resolve(&eligo_qr_path(text).ok()?);
    let code = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Drawing::from_js(&code)
}

impl Drawing {
    /// The encoder's `{ path, size }`, if it is a drawing (see [`Drawing::new`]).
    pub fn from_js(code: &JsValue) -> Option<Drawing> {
        let field = |name: &str| js_sys::Reflect::get(code, &name.into()).ok();
        Drawing::new(field("path")?.as_string()?, field("size")?.as_f64()?)
    }
}

/// A QR code as an inline SVG image named `label`.
pub fn qr_svg(drawing: &Drawing, label: &str) -> Html {
    let side = AttrValue::from(drawing.size.to_string());
    html! {
        <svg class="qr" role="img" aria-label={label.to_string()} viewBox={format!("0 0 {side} {side}")}
            shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
            <rect width={side.clone()} height={side} fill="#ffffff" />
            <path d={drawing.path.clone()} fill="#000000" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_a_drawing_of_any_version() {
        let version_1 = Drawing::new("M4,4h7v1h-7z".into(), 29.0).unwrap();
        assert_eq!(version_1.size, 29);
        assert_eq!(version_1.path, "M4,4h7v1h-7z");
        assert_eq!(
            Drawing::new("M4,4h7v1h-7z".into(), 185.0).unwrap().size,
            185
        );
        assert_eq!(Drawing::new("M4,4h7v1h-7z".into(), 53.0).unwrap().size, 53);
    }

    #[test]
    fn refuses_anything_else() {
        let path = || String::from("M4,4h7v1h-7z");
        for size in [
            0.0,
            21.0,
            28.0,
            30.0,
            29.5,
            189.0,
            f64::NAN,
            f64::INFINITY,
            -29.0,
        ] {
            assert_eq!(Drawing::new(path(), size), None, "size {size}");
        }
        assert_eq!(Drawing::new(String::new(), 29.0), None);
        assert_eq!(Drawing::new("M4,4h7v1h-7z\"/><script>".into(), 29.0), None);
        assert_eq!(Drawing::new("M4 4 L 9 9".into(), 29.0), None);
    }
}
