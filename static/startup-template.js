// Eligo's start-up script: runs before Trunk's own start-up code (which imports the JS glue as `bindings` and
// starts the wasm), in the same module. scripts/postbuild.mjs fills in the pack table (from build.rs's pack
// manifest) and the QR code encoder's file name, appends Trunk's code, minifies the whole and moves it out of index.html into
// boot-<hash>.js, so that the Content-Security-Policy needs no 'unsafe-inline' and no per-build hash.

// What the page says, read once for the sections below (the app reads the same: src/page_config.rs): a setting
// is the <html> data- attribute, else the address's parameter.
const root = document.documentElement;
const query = new URLSearchParams(location.search);
const setting = (name) => root.getAttribute(`data-${name}`) ?? query.get(name);
const truthy = (value) => ['', '1', 'true', 'yes', 'on', 'kiosk'].includes(value?.trim().toLowerCase());
const linked = new URLSearchParams(location.hash.slice(1)).get('t');
const browser = (navigator.language || '').split(/[-_]/)[0].toLowerCase();
const paged = [setting('lang')].find((l) => ['fr', 'en', 'ar'].includes(l));

// 1. The pack the app asks for first, preloaded so that it downloads beside the wasm instead of after it.
// By territory id, its files by language, the reference language first (build.rs's manifest).
const PACKS = __PACKS__;
{
  // The app opens (src/shell.rs `boot`): a take-away link's territory, else the page's (data-territory on
  // <html>, or ?territory=), else the first by id, whose pack the start screen waits for; in the page's language
  // (data-lang, or ?lang=), else the browser's, that language's file, else the French or reference one. Only
  // the inputs are read here; tests/e2e/specs/first-visit.test.mjs fails when this and the app disagree (a
  // preloaded file the app does not use, or a second download). Nothing when the page names a city's pack.
  const ids = Object.keys(PACKS);
  if (ids.length > 0 && !setting('pack')) {
    const files = PACKS[[linked, setting('territory')].find((t) => t && PACKS[t]) ?? ids[0]];
    const lang = paged ?? (['en', 'ar'].includes(browser) ? browser : 'fr');
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = files[lang] ?? files.fr ?? Object.values(files)[0];
    document.head.append(link);
  }
}

// 2. A panic in the release wasm is a bare trap (scripts/build.sh builds with panic=immediate-abort, so no Rust
// panic hook runs): it reaches the page as an uncaught WebAssembly.RuntimeError, from an event handler, a timer
// or the start itself. The trapped module may be in any state (its stack or memory broken), so nothing calls
// back into it: the apology is the page's own markup (<template id="eligo-apology"> in index.html: "start
// again" and the violence-help numbers), with the texts the app wrote in the page language while it was well
// (data- attributes, src/panic_screen.rs). On a kiosk, the start screen comes back by itself after the idle
// delay.
{
  let stopped = false;
  const onError = (error) => {
    if (stopped || !(error instanceof WebAssembly.RuntimeError)) return;
    stopped = true;
    console.error('Eligo stopped:', String(error));
    const template = document.getElementById('eligo-apology');
    const apology = template?.content.firstElementChild?.cloneNode(true);
    document.body.replaceChildren(...(apology ? [apology] : []));
    if (!apology) return;
    const texts = template.dataset;
    for (const [selector, key] of [['h1', 'title'], ['.apology-text', 'text'], ['a.restart', 'again'], ['h2', 'help']]) {
      const node = apology.querySelector(selector);
      if (node && texts[key]) node.textContent = texts[key];
    }
    if (texts.lang) { root.lang = texts.lang; root.dir = texts.dir || 'ltr'; }
    const restart = location.search.length > 1 ? './' + location.search : './';
    apology.querySelector('a.restart').href = restart;
    apology.querySelector('h1').focus();
    // data-kiosk: set from the page's setting by section 6 at start-up, then by the app.
    const idle = Number.parseInt(setting('idle') ?? '', 10);
    if (root.hasAttribute('data-kiosk')) setTimeout(() => location.replace(restart), (idle >= 2 && idle <= 3600 ? idle : 120) * 1000);
  };
  addEventListener('error', (event) => onError(event.error));
  addEventListener('unhandledrejection', (event) => onError(event.reason));
}

// 3. The QR code encoder, loaded when a resident asks for a QR code (src/take_away/qr.rs calls this; a dynamic
// import of the same origin, allowed by script-src 'self'): not part of the first load.
globalThis.eligoQrPath = (text) => import(__QR_FILE__).then((module) => module.qrPath(text));
// The handover sealing (issue 18), loaded the same way when a resident agrees to give their answers to the CCAS
// (src/handover/mod.rs): WebCrypto only, never part of the first load. It gives the code's text form (in groups
// of four, easier to type) and its QR code.
globalThis.eligoHandover = (key, header, body) =>
  Promise.all([import(__HANDOVER_FILE__), import(__QR_FILE__)]).then(async ([handover, qr]) => {
    const text = handover.toText(await handover.seal(key, header, body));
    return { text: text.match(/.{1,4}/g).join(' '), qr: qr.qrPath(text) };
  });

// 4. The files not needed yet (other languages and territories, the QR encoder, the handover sealing): the service worker caches
// what the page uses as it uses it, and fetches the rest only when asked here: on a returning visit (a first
// visit downloads what the resident uses, nothing more), once the page is idle, and not when the browser says
// the connection is metered, slow or saving data (navigator.connection, where the browser has it). A page that
// fixes its territory (a city's site: data-territory) never opens the others, and one that names a city's pack
// opens none of the built-in ones (but when that pack fails: the built-in one it falls back to is then kept as
// used): their pack files are left out (what src/shell.rs `boot` opens, read from the same settings as
// section 1).
{
  const worker = navigator.serviceWorker;
  const connection = navigator.connection;
  const thrifty =
    connection && (connection.saveData || (connection.effectiveType && connection.effectiveType !== '4g') || ['cellular', 'bluetooth', 'wimax'].includes(connection.type));
  if (worker?.controller && !thrifty) {
    const fixed = setting('territory');
    // None for a city's pack, the fixed one, else (undefined) every territory.
    const territories = setting('pack') ? [] : PACKS[fixed] ? [fixed] : undefined;
    const whenIdle = globalThis.requestIdleCallback ?? ((then) => setTimeout(then, 2000));
    const ask = () => worker.ready.then((registration) => registration.active?.postMessage({ precacheLater: true, territories }));
    addEventListener('load', () => whenIdle(ask, { timeout: 20000 }));
  }
}

// 5. Help before the app (issue 14): the page's help (index.html, [data-static-help]) works before the wasm does:
// "Violences : être aidé·e" shows the national numbers, "Quitter vite" and Escape leave at once, without a
// history entry (the same as the app's src/browser.rs leave_quickly, with the page's data-leave-url when it is
// an https address), until the app has replaced the page with its own screens.
{
  const leave = (event) => {
    event.preventDefault();
    const url = root.dataset.leaveUrl;
    document.body.replaceChildren();
    document.title = '';
    location.replace(url?.startsWith('https://') ? url : 'https://www.google.fr/');
  };
  const help = () => document.querySelector('[data-static-help]');
  addEventListener('keydown', (event) => { if (help() && (event.key === 'Escape' || event.key === 'Esc')) leave(event); });
  addEventListener('click', (event) => {
    const shown = help();
    const control = shown && event.target.closest?.('.site-header .leave, .site-header .urgent');
    if (!control) return;
    if (control.classList.contains('leave')) return leave(event);
    shown.hidden = false;
    shown.querySelector('#help-numbers').focus();
    // The app opens its help panel (the pack's own numbers and advice) when it takes over.
    if (shown.hasAttribute('data-prerender')) root.dataset.earlySafety = '';
  });
}

// 6. The start screen prerendered in index.html (tools/prerender: the app's own view, in French, for a page
// without settings) is shown by the browser before the wasm arrives; the app draws the same screen over it
// when it mounts, once the file it needs is there (src/shell.rs). Here: the page made to look as the app
// will open it (kiosk and embedded styles; no territory choice when the page fixes one), or, when the app will
// not open on that screen (another language, a city's pack, the results, a take-away link), the prerendered
// screen turned into the page's loading screen with its help, as before the prerender: a French start
// screen replaced a moment later by an Arabic one would be worse than a short wait. A tap made before the
// app runs is noted on <html> (data-early-*) for the app, which does it when it opens
// (src/state.rs AppState::opening), and answered at once: the control shows that it is getting ready.
{
  for (const name of ['kiosk', 'embed']) root.toggleAttribute(`data-${name}`, truthy(setting(name)));
  const help = document.querySelector('[data-prerender]');
  const start = document.querySelector('section.start');
  // Whether the app opens in French (src/browser.rs browser_language: the page's language, else the browser's
  // when the app has it, with Dari for Persian, else French); a page language it does not have counts as not.
  const french = (root.dataset.lang ?? paged ?? (/^(en|ar|tr|pt|uk|fa|prs|ru)$/.test(browser) ? browser : 'fr')) === 'fr';
  if (help && start) {
    if (!french || setting('pack')?.trim() || (query.get('view')?.trim() === 'results' && !truthy(setting('kiosk'))) || linked) {
      // Only the main part changes (the header stays where it is: nothing moves); no language is shown as
      // the one in use, so that any language tapped is noted.
      const main = document.getElementById('main');
      main.replaceChildren(help.dataset.loading);
      main.className = 'app loading';
      main.setAttribute('aria-busy', 'true');
      for (const button of document.querySelectorAll('.languages [lang]')) button.setAttribute('aria-pressed', 'false');
      help.removeAttribute('data-prerender');
      help.hidden = false;
    } else if (start.querySelector(`[value="${CSS.escape(setting('territory') ?? '')}"]`)) start.querySelector('fieldset').remove();
    addEventListener('change', (event) => {
      if (help.isConnected && event.target.name === 'territory') root.dataset.earlyTerritory = event.target.value;
    });
    addEventListener('click', (event) => {
      const button = help.isConnected && event.target.closest?.('section.start .primary, .languages [lang]');
      if (!button) return;
      if (button.lang) {
        document.querySelector('.languages [aria-busy]')?.removeAttribute('aria-busy');
        delete root.dataset.earlyLang;
        if (button.getAttribute('aria-pressed') !== 'true') {
          root.dataset.earlyLang = button.lang;
          button.setAttribute('aria-busy', 'true');
        }
        return;
      }
      root.dataset.earlyStart = '';
      button.disabled = true;
      start.querySelector('[role="status"]').textContent = help.dataset.loading;
    });
  }
}
