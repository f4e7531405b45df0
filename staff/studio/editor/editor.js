// The studio's code editor: CodeMirror 6 with TOML highlighting, line numbers, search and undo (basicSetup),
// and the engine's problems as diagnostics. Bundled by esbuild (scripts/build-staff.sh) into the studio only:
// the resident pages never load it. The wasm reaches it through window.eligoEditor (staff/studio/src/editor.rs).
import { EditorView, basicSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { StreamLanguage } from '@codemirror/language';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';

// Re-check after a pause in typing, not on every key (the check of the largest pack takes a few ms).
const PAUSE_MS = 120;

// The page's colours and sizes (the app's custom properties cross into the shadow root).
const THEME = EditorView.theme({
  '&': { fontSize: '1rem', border: '1px solid currentColor', maxHeight: '70vh' },
  '.cm-scroller': { overflow: 'auto', minHeight: '20rem', fontFamily: 'ui-monospace, monospace' },
  '&.cm-focused': { outline: '3px solid var(--eligo-focus, #b34700)', outlineOffset: '2px' },
});

function offset(doc, line, column) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

window.eligoEditor = {
  create(parent, text, label, dir, onChange) {
    let timer;
    // In a shadow root: CodeMirror's styles are then constructed style sheets (adoptedStyleSheets), which the
    // page's CSP (style-src 'self', no 'unsafe-inline') allows; in the document they would be <style> tags.
    const root = parent.shadowRoot ?? parent.attachShadow({ mode: 'open' });
    const view = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          StreamLanguage.define(toml),
          lintGutter(),
          THEME,
          EditorView.contentAttributes.of({ 'aria-label': label, dir }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || view.eligoQuiet) return;
            clearTimeout(timer);
            timer = setTimeout(view.eligoFlush, PAUSE_MS);
          }),
        ],
      }),
    });
    // Reports the pending change now (also when the editor closes within the pause: nothing typed is lost).
    view.eligoFlush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      onChange(view.state.doc.toString());
    };
    // A scrollable region must be reachable by the keyboard itself (WCAG 2.1.1; axe's scrollable-region-focusable
    // does not see the editable text inside the shadow root): one Tab stop before the text, arrows scroll it.
    view.scrollDOM.tabIndex = 0;
    return view;
  },
  setText(view, text) {
    if (view.state.doc.toString() === text) return;
    view.eligoQuiet = true;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    view.eligoQuiet = false;
  },
  setProblems(view, problems) {
    const doc = view.state.doc;
    const diagnostics = problems.map(([line, column, message]) => {
      const from = offset(doc, line, column);
      const to = Math.min(doc.line(Math.min(Math.max(line, 1), doc.lines)).to, Math.max(from + 1, from));
      return { from, to: Math.max(to, from), severity: 'error', message };
    });
    view.dispatch(setDiagnostics(view.state, diagnostics));
  },
  goTo(view, line, column) {
    const at = offset(view.state.doc, line, column);
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
  },
  // The editor shown in `element` (tests and the benchmark read and edit its text as a person would).
  viewOf(element) {
    return EditorView.findFromDOM((element.shadowRoot ?? element).querySelector('.cm-editor'));
  },
  destroy(view) {
    view.eligoFlush();
    view.destroy();
  },
};

// Files of this computer through the File System Access API (Chromium-based browsers): the files chosen are
// read here and, when the staff member saves, written back to the same files (createWritable). The handles
// live in this page's memory only: nothing is stored or sent. Where the browser lacks the API, the studio
// uses a file input and downloads instead (staff/studio/src/files.rs).
const handles = new Map();

async function readHandle(name, handle) {
  const file = await handle.getFile();
  handles.set(name, handle);
  return { name, text: await file.text() };
}

// Every .toml file under a folder (and its sub-folders, a few levels down), named by its path in it.
async function walk(dir, prefix, depth, out) {
  for await (const [name, handle] of dir.entries()) {
    if (handle.kind === 'file' && name.endsWith('.toml')) {
      out.push(await readHandle(prefix + name, handle));
    } else if (handle.kind === 'directory' && depth < 3 && !name.startsWith('.') && name !== 'node_modules') {
      await walk(handle, `${prefix}${name}/`, depth + 1, out);
    }
  }
  return out;
}

const TOML = [{ description: 'TOML', accept: { 'text/plain': ['.toml'] } }];

window.eligoFiles = {
  available() {
    return typeof window.showOpenFilePicker === 'function' && typeof window.showDirectoryPicker === 'function';
  },
  // Resolves to [{ name, text }], or [] when the staff member closes the picker.
  async openFiles() {
    try {
      const picked = await window.showOpenFilePicker({ multiple: true, types: TOML });
      handles.clear();
      return Promise.all(picked.map((h) => readHandle(h.name, h)));
    } catch (e) {
      if (e && e.name === 'AbortError') return [];
      throw e;
    }
  },
  async openFolder() {
    try {
      const dir = await window.showDirectoryPicker({ mode: 'readwrite' });
      handles.clear();
      const files = await walk(dir, '', 0, []);
      files.sort((a, b) => (a.name < b.name ? -1 : 1));
      return files;
    } catch (e) {
      if (e && e.name === 'AbortError') return [];
      throw e;
    }
  },
  // Whether `name` was opened through a picker (it can be saved in place).
  has(name) {
    return handles.has(name);
  },
  // Writes `text` into the file `name` was opened from; resolves when written (rejects with why not).
  async save(name, text) {
    const handle = handles.get(name);
    if (!handle) throw new Error(`${name}: not opened from this computer`);
    if (handle.requestPermission && (await handle.requestPermission({ mode: 'readwrite' })) !== 'granted') {
      throw new Error(`${name}: permission refused`);
    }
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
  },
  forget() {
    handles.clear();
  },
};
