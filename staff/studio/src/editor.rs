//! The code editor: CodeMirror 6 (staff/studio/editor/editor.js, bundled by esbuild into the studio only),
//! reached through `window.eligoEditor`. The editor holds the text while typing; it reports each change
//! (debounced) and shows the problems it is given at their line and column.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = eligoEditor, js_name = create)]
    fn create(
        parent: &web_sys::Element,
        text: &str,
        label: &str,
        dir: &str,
        on_change: &js_sys::Function,
    ) -> JsValue;
    #[wasm_bindgen(js_namespace = eligoEditor, js_name = setText)]
    fn set_text(view: &JsValue, text: &str);
    #[wasm_bindgen(js_namespace = eligoEditor, js_name = setProblems)]
    fn set_problems(view: &JsValue, problems: &js_sys::Array);
    #[wasm_bindgen(js_namespace = eligoEditor, js_name = goTo)]
    fn go_to(view: &JsValue, line: u32, column: u32);
    #[wasm_bindgen(js_namespace = eligoEditor, js_name = destroy)]
    fn destroy(view: &JsValue);
}

/// One editor on the page.
pub struct Editor {
    view: JsValue,
    _on_change: Closure<dyn FnMut(String)>,
}

impl Editor {
    /// An editor in `parent` showing `text`; `on_change` gets the whole text after each edit.
    pub fn new(
        parent: &web_sys::Element,
        text: &str,
        label: &str,
        on_change: impl FnMut(String) + 'static,
    ) -> Editor {
        let closure = Closure::<dyn FnMut(String)>::new(on_change);
        // The rules are written left to right, whatever the interface language.
        let view = create(parent, text, label, "ltr", closure.as_ref().unchecked_ref());
        Editor {
            view,
            _on_change: closure,
        }
    }

    /// Shows `text` (when it differs from the editor's: a form's edit, another file).
    pub fn set_text(&self, text: &str) {
        set_text(&self.view, text);
    }

    /// Shows these problems: (line, column, message), from 1.
    pub fn set_problems(&self, problems: &[(usize, usize, String)]) {
        let list = js_sys::Array::new();
        for (line, column, message) in problems {
            let item = js_sys::Array::of3(
                &(*line as u32).into(),
                &(*column as u32).into(),
                &message.into(),
            );
            list.push(&item);
        }
        set_problems(&self.view, &list);
    }

    /// Moves the cursor to a place and focuses the editor.
    pub fn go_to(&self, line: usize, column: usize) {
        go_to(&self.view, line as u32, column as u32);
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        destroy(&self.view);
    }
}
