//! The desk's JavaScript: the sealing (the same `static/handover.js` the resident app imports on consent) and
//! the QR code reading (`scan.js`). Every call is caught: a refusal comes back as its `reason`.

use wasm_bindgen::prelude::*;

// `handover.js` here is a link to `static/handover.js`: the desk seals and opens with the very file the
// resident app imports (wasm-bindgen copies a snippet file, not the files it would import).
#[wasm_bindgen(module = "/handover.js")]
extern "C" {
    #[wasm_bindgen(js_name = createKey, catch)]
    async fn create_key_js(passphrase: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = loadKey, catch)]
    async fn load_key_js(text: &str, passphrase: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = open, catch)]
    async fn open_js(key: &JsValue, code: &[u8], header: usize) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen(module = "/scan.js")]
extern "C" {
    #[wasm_bindgen(js_name = scanFile)]
    async fn scan_file_js(file: &web_sys::File) -> JsValue;
    #[wasm_bindgen(js_name = scanCamera, catch)]
    async fn scan_camera_js(video: &web_sys::HtmlVideoElement) -> Result<JsValue, JsValue>;
    /// Stops the camera, if it runs.
    #[wasm_bindgen(js_name = stopCamera)]
    pub fn stop_camera();
    /// Offers a text as a file to save.
    #[wasm_bindgen(js_name = saveFile)]
    pub fn save_file(name: &str, text: &str);
}

fn field(value: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(value, &name.into()).ok()
}

fn reason(error: &JsValue) -> String {
    field(error, "reason")
        .and_then(|r| r.as_string())
        .unwrap_or_default()
}

/// The desk's key, unwrapped for this session (the private key is a WebCrypto key that cannot be exported).
#[derive(Clone, Debug, PartialEq)]
pub struct DeskKey {
    /// Its public key, base64url.
    pub public_key: String,
    /// Its private key.
    pub private_key: JsValue,
}

/// A new key pair: (public key, key file text).
pub async fn create_key(passphrase: &str) -> Option<(String, String)> {
    let made = create_key_js(passphrase).await.ok()?;
    Some((
        field(&made, "publicKey")?.as_string()?,
        field(&made, "file")?.as_string()?,
    ))
}

/// The key of a key file, or the reason it was refused (`key-file`, `passphrase`).
pub async fn load_key(text: &str, passphrase: &str) -> Result<DeskKey, String> {
    let loaded = load_key_js(text, passphrase)
        .await
        .map_err(|e| reason(&e))?;
    Ok(DeskKey {
        public_key: field(&loaded, "publicKey")
            .and_then(|k| k.as_string())
            .ok_or_else(|| "key-file".to_string())?,
        private_key: field(&loaded, "privateKey").ok_or_else(|| "key-file".to_string())?,
    })
}

/// The body of a code whose header is `header` bytes long; `None` if it does not open.
pub async fn open(key: &DeskKey, code: &[u8], header: usize) -> Option<Vec<u8>> {
    let body = open_js(&key.private_key, code, header).await.ok()?;
    Some(js_sys::Uint8Array::new(&body).to_vec())
}

/// The text of the QR code in an image file.
pub async fn scan_file(file: &web_sys::File) -> Option<String> {
    scan_file_js(file).await.as_string()
}

/// The first code the camera sees in `video`: `Err` without a camera, `Ok(None)` if stopped.
pub async fn scan_camera(video: &web_sys::HtmlVideoElement) -> Result<Option<String>, ()> {
    scan_camera_js(video)
        .await
        .map(|text| text.as_string())
        .map_err(|_| ())
}
