// Step "prerendered start screen": the HTML that tools/prerender wrote (the app's own start screen rendered
// at build time by Yew's server renderer, scripts/build.sh) put into index.html's <body> between the
// `<!-- eligo:prerender -->` and `<!-- /eligo:prerender -->` marks, in place of what a previous run put there.
// Also drops index.html's comments. The page then shows the start screen with its help as soon as its HTML and style sheet are there, before the
// wasm (issue 16); the app draws the same markup over it when it mounts (src/shell.rs).
import { readFileSync } from 'node:fs';

const MARKS = /(<!-- eligo:prerender -->)[\s\S]*?(<!-- \/eligo:prerender -->)/;

export function insertPrerender(bundle) {
  if (!bundle.prerender) throw new Error('postbuild: no --prerender file (scripts/build.sh runs tools/prerender)');
  const html = readFileSync(bundle.prerender, 'utf8').trim();
  // What the start-up script and the app rely on (static/startup-template.js, src/shell.rs).
  for (const needed of ['<section class="start">', '<h1', 'data-prerender', 'id="help-numbers"', 'class="leave"', 'class="primary"']) {
    if (!html.includes(needed)) throw new Error(`postbuild: the prerendered start screen has no ${needed}`);
  }
  if (/<script\b|\son[a-z]+=/i.test(html)) throw new Error('postbuild: the prerendered start screen has a script or an event attribute (the CSP would block it)');
  if (!MARKS.test(bundle.html)) throw new Error('postbuild: index.html has no <!-- eligo:prerender --><!-- /eligo:prerender --> marks in <body>');
  bundle.html = bundle.html.replace(MARKS, (_, open, close) => `${open}${html}${close}`);
  // index.html's comments are for its readers in the source, not for every resident's first load: dropped
  // (but the marks), with the indentation (a line break keeps the same white space between elements).
  bundle.html = bundle.html.replace(/<!--(?! \/?eligo:prerender -->)[\s\S]*?-->/g, '').replace(/\n\s+/g, '\n');
}
