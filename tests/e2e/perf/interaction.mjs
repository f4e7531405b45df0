// Interaction benchmark (a report, not a timed test; issue 16): how long a resident waits, on a cheap phone.
// - Journeys in Chenôve and Besançon with the CPU slowed 4x (CDP Emulation.setCPUThrottlingRate), each click
//   timed from the click to the next paint by the browser's Event Timing API (PerformanceObserver 'event',
//   durationThreshold 16: the entry's duration runs from the input to the paint that follows its handlers;
//   the API rounds it to 8 ms and reports nothing under 16 ms, counted here as 16): the answer that leads to
//   the next question, and the last answer, which leads to the results.
// - A cold first visit (new profile) on Slow 4G (150 ms round trip, 1.6 Mbps down, 750 kbps up) with the CPU
//   slowed 4x: navigation to the start screen painted (its heading in the DOM, then the frame after it).
// Each over RUNS runs (at least 5), printing the median and the 90th percentile. The real clock: never
// Playwright's fixed clock (tests/e2e/lib/journey.mjs installs one for the tests' dates), which replaces
// performance.now() with a whole-millisecond fake. Writes reports/interaction.json.
// --profile: counts the work instead of timing it (timings on a shared machine move with its load): the
// journeys only, on a copy of the build whose wasm keeps its function names, each click under the CDP
// profiler and a trace; prints per click (next question, results) the time from the click's dispatch to its
// frame committed, the main thread's time by trace event (style, layout, paint…), the self time by kind of
// code and by function, and the results' DOM size. Writes reports/interaction-profile.json, a results
// click's profile (reports/results-click-<territory>.cpuprofile) and an answer's trace
// (reports/next-question-click-<territory>.trace.json), both for DevTools.
// --dist DIR: another build (e.g. a copy of dist/ before a change), with --names WASM: its wasm-bindgen
// output (the .js glue beside it), for --profile.
//
//   node tests/e2e/perf/interaction.mjs [--runs 5] [--only start|journeys] [--profile] [--dist DIR [--names WASM]]
//     (scripts/bench-interaction.sh builds first; --dist measures another finished bundle, to compare two builds
//     in the same minutes)
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../scripts/serve-dist.mjs';
import { shortenNames } from '../../../scripts/postbuild/wasm-names.mjs';
import { launchFresh } from '../lib/chromium.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const argument = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const RUNS = Math.max(5, Number(argument('runs') ?? 5) || 5);
const ONLY = argument('only');
if (ONLY && !['start', 'journeys'].includes(ONLY)) throw new Error(`--only start or journeys, not ${ONLY}`);
const PROFILE = args.includes('--profile');
// --dist DIR: another build to measure (a before/after comparison in the same minutes).
const DIST = argument('dist') ?? join(root, 'dist');
// --names WASM: the wasm-bindgen output of that build (its function names), for --profile.
const NAMES = argument('names') ?? join(root, 'target/bundle/wasm-bindgen/release/eligo_bg.wasm');
const CPU_SLOWDOWN = 4;
// Slow 4G as issue 16 states it: 150 ms round trip, 1.6 Mbps down (750 kbps up).
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

const JOURNEYS = {
  chenove: { commune: 'chenove', age: 20, years_in_commune: 3, activity: 'student', studies: 'higher', money_difficulties: false, has_bac: true,
    student_resources: '300,00' },
  besancon: {
    commune: 'besancon', age: 20, years_in_commune: 2, receives: ['none'], own_resources: false, children_count: 0,
    activity: 'job_seeker', household_size: 1, monthly_resources: '0', monthly_charges: '?', housing: '?',
    disability: false, single_parent: '?', money_difficulties: true, digital_difficulties: false, school_dropout: false,
  },
};

// Collects Event Timing entries in the page from the start (buffered), by interaction.
const OBSERVE_EVENTS = () => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId) window.__events.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
};
// The start screen painted: its heading in the DOM, then the next frame (rAF runs before the paint; a task
// queued from it runs after the frame is produced).
// Since issue 16 the start screen is prerendered in index.html (tools/prerender): also noted, when the app has
// taken the page over (the prerendered help gone, src/shell.rs), the same way.
const WATCH_START_SCREEN = () => {
  const after = (key) => requestAnimationFrame(() => setTimeout(() => (window[key] ??= performance.now())));
  const check = () => {
    if (window.__startSeen === undefined && document.querySelector('section.start h1')) {
      window.__startSeen = true;
      after('__startPainted');
    }
    if (window.__startSeen && document.body && !document.querySelector('[data-static-help]') && document.querySelector('section.start h1')) {
      observer.disconnect();
      after('__appPainted');
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
};

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const summary = (values) => ({ n: values.length, median: quantile(values, 0.5), p90: quantile(values, 0.9), min: Math.min(...values), max: Math.max(...values) });

// --profile: dist/ with a wasm that keeps its function names (the wasm-bindgen output, next to its glue,
// optimised as the build does plus -g, its imports shortened as scripts/postbuild.mjs does), its integrity
// hashes updated; everything else as built.
function distWithNames() {
  const dir = join(root, 'target/dist-profile');
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true });
  const wasm = readdirSync(dir).find((f) => f.startsWith('eligo-') && f.endsWith('_bg.wasm'));
  const sri = (bytes) => createHash('sha384').update(bytes).digest('base64');
  const built = readFileSync(join(dir, wasm));
  const flags = readFileSync(join(root, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]*)"/)[1].split(/\s+/);
  const optimised = join(dir, 'named.wasm');
  execFileSync('wasm-opt', ['-Oz', '-g', ...flags, NAMES, '-o', optimised]);
  const named = shortenNames(readFileSync(optimised), readFileSync(NAMES.replace(/_bg\.wasm$/, '.js'), 'utf8')).wasm;
  rmSync(optimised);
  const imports = (bytes) => JSON.stringify(WebAssembly.Module.imports(new WebAssembly.Module(bytes)));
  if (imports(named) !== imports(built)) throw new Error('--profile: the named wasm does not import what the built one does');
  writeFileSync(join(dir, wasm), named);
  for (const f of readdirSync(dir).filter((f) => /\.(html|js)$/.test(f))) {
    const text = readFileSync(join(dir, f), 'utf8');
    if (text.includes(sri(built))) writeFileSync(join(dir, f), text.replaceAll(sri(built), sri(named)));
  }
  return dir;
}

const log = [];
const server = await startServer({ dir: PROFILE ? distWithNames() : DIST, port: 0, quiet: true, log });
const origin = `http://127.0.0.1:${server.address().port}`;
// The server compresses each file on its first request (brotli 11: about a second for the wasm, during which
// it answers nothing else): asked once for each file here, so that no measured visit pays for it.
for (const name of readdirSync(DIST, { recursive: true }).filter((n) => /\.[a-z]+$/.test(n))) {
  await fetch(`${origin}/${name}`, { headers: { 'accept-encoding': 'br' } }).then((response) => response.arrayBuffer());
}

async function withPage(run) {
  const context = await launchFresh();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    return await run(page, cdp);
  } finally {
    await context.close();
  }
}

const stepOf = (page) => page.locator('main').getAttribute('data-step');
async function clickAndWait(page, selector) {
  const before = await stepOf(page);
  const mark = await page.evaluate(() => performance.now());
  await page.locator(selector).click();
  await page.waitForFunction((b) => document.querySelector('main')?.dataset.step !== b, before, { polling: 50 });
  // Let the frame after the change be painted and its Event Timing entry arrive.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  return mark;
}
// The longest entry of the first interaction after `mark` (pointerdown, pointerup, click: the interaction's
// latency as INP counts it), or 16 ms when the API reported none (all under its threshold).
async function latencyAfter(page, mark) {
  const events = await page.evaluate((m) => window.__events.filter((e) => e.start >= m), mark);
  if (events.length === 0) return 16;
  const first = Math.min(...events.map((e) => e.id));
  return Math.max(...events.filter((e) => e.id === first).map((e) => e.duration));
}

async function fill(page, value) {
  const kind = await page.locator('section.question').getAttribute('data-kind');
  if (kind === 'yes_no') await page.locator(value ? '#q-opt-yes' : '#q-opt-no').check();
  else if (kind === 'one_of') await page.locator(`#q-opt-${value}`).check();
  else if (kind === 'several_of') {
    for (const box of await page.locator('section.question input[type="checkbox"]').all()) {
      await box.setChecked(value.includes((await box.getAttribute('id')).replace(/^q-opt-/, '')));
    }
  } else await page.locator('#q-input').fill(String(value));
}

// --profile: the work of each click, summed by kind of click (next question, results), in two parts: the
// interaction (from the click's dispatch to the end of the first frame committed after it, what the
// Event Timing latency covers but the input delay) and after it (e.g. the results below the fold).
const work = { next_question: newWork(), results: newWork() };
function newWork() {
  return { clicks: 0, window_ms: 0, functions: new Map(), kinds: new Map(), after: new Map(), events: new Map(), dom_nodes: [] };
}
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
// The interaction's window on the renderer's main thread, from a trace: [click dispatched, first commit after].
function interactionWindow(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return undefined;
  const mine = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur);
  const click = mine.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (!click) return undefined;
  const commit = mine.filter((e) => e.name === 'Commit' && e.ts >= click.ts + click.dur).sort((x, y) => x.ts - y.ts)[0];
  if (!commit) return undefined;
  return { start: click.ts, end: commit.ts + commit.dur, mine };
}
// The main thread's time by trace event in the window, top-level events only (a task's direct children:
// EventDispatch, TimerFire, UpdateLayoutTree, Layout, Paint…; the rest of a task as '(task, other)').
function traceTimes({ start, end, mine }, into) {
  // The tasks that overlap the window (the click's own task starts before its dispatch).
  for (const task of mine.filter((e) => e.name === 'RunTask' && e.ts < end && e.ts + e.dur > start)) {
    const stop = task.ts + task.dur;
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= stop);
    const direct = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur));
    let covered = 0;
    for (const e of direct) {
      add(into, e.name, e.dur / 1000);
      covered += e.dur;
    }
    add(into, '(task, other)', Math.max(0, task.dur - covered) / 1000);
  }
}
// Self time by function of a CDP profile (each sample's interval to the function sampled), in ms: the samples
// inside the window, and those after it.
// Also by kind of code: the app's wasm, its JS glue, the browser's own functions called from them (DOM, Intl),
// and the rest of the browser's work ('(program)': style, layout, paint, input), garbage collection.
function selfTimes(profile, { start, end }, inside, kinds, after) {
  // An anonymous function (the minified glue's) by its place: file and column.
  const name = ({ functionName, url, lineNumber, columnNumber }) => functionName || `(anonymous ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1})`;
  const kind = ({ functionName, url }) => {
    if (/^\((program|garbage collector|idle|root)\)$/.test(functionName)) return functionName;
    if (/\.wasm$|^wasm:/.test(url) || /^(wasm-to-js|js-to-wasm)/.test(functionName)) return 'wasm (the app, Yew, the engine)';
    if (/\/eligo-[^/]*\.js$/.test(url)) return 'JS glue';
    if (url === '') return 'browser functions (DOM, Intl…)';
    return 'other scripts';
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, { name: name(n.callFrame), kind: kind(n.callFrame) }]));
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (t >= start && t <= end) {
      add(inside, nodes.get(id).name, delta / 1000);
      add(kinds, nodes.get(id).kind, delta / 1000);
    } else if (t > end) add(after, nodes.get(id).name, delta / 1000);
  });
}
async function profiled(page, cdp, click) {
  if (!PROFILE) return { mark: await click() };
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const mark = await click();
  const { profile } = await cdp.send('Profiler.stop');
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return { mark, profile, events };
}
function count(kind, { profile, events }, nodes) {
  if (!profile) return;
  const window = interactionWindow(events);
  if (!window) throw new Error(`--profile: no click and commit in the trace of a ${kind} click`);
  const w = work[kind];
  w.clicks += 1;
  w.window_ms += (window.end - window.start) / 1000;
  selfTimes(profile, window, w.functions, w.kinds, w.after);
  traceTimes(window, w.events);
  if (nodes !== undefined) w.dom_nodes.push(nodes);
}

async function journey(territory) {
  return withPage(async (page, cdp) => {
    await page.addInitScript(OBSERVE_EVENTS);
    await page.goto(`${origin}/?territory=${territory}`);
    await page.locator('section.start h1').waitFor({ timeout: 30_000 });
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const nextQuestion = [];
    let toResults;
    await clickAndWait(page, 'main button.primary');
    const answers = JOURNEYS[territory];
    for (let i = 0; i < 60; i++) {
      const section = page.locator('section.question');
      if ((await section.count()) === 0) break;
      const id = await section.getAttribute('data-question');
      const known = id in answers;
      if (known && answers[id] !== '?') await fill(page, answers[id]);
      const button = !known ? 'button.results-now' : answers[id] === '?' ? 'button.dont-know' : 'section.question button[type="submit"]';
      const taken = await profiled(page, cdp, () => clickAndWait(page, button));
      const latency = await latencyAfter(page, taken.mark);
      if (await page.locator('section.results').count()) {
        count('results', taken, await page.evaluate(() => document.querySelectorAll('*').length));
        // The last run's profile of the results click, to open in DevTools (Performance > Load profile).
        if (taken.profile) {
          mkdirSync(join(root, 'reports'), { recursive: true });
          writeFileSync(join(root, `reports/results-click-${territory}.cpuprofile`), JSON.stringify(taken.profile));
        }
        toResults = latency;
        break;
      }
      count('next_question', taken);
      // The last run's trace of an answer's click, to open in DevTools (Performance > Load profile).
      if (taken.events) writeFileSync(join(root, `reports/next-question-click-${territory}.trace.json`), JSON.stringify({ traceEvents: taken.events }));
      nextQuestion.push(latency);
    }
    if (toResults === undefined) throw new Error(`${territory}: the journey never reached the results`);
    return { nextQuestion, toResults };
  });
}

async function coldStart() {
  return withPage(async (page, cdp) => {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript(WATCH_START_SCREEN);
    await page.goto(origin + '/', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__appPainted !== undefined, null, { timeout: 60_000, polling: 100 });
    return page.evaluate(() => [window.__startPainted, window.__appPainted]);
  });
}

// The machine's load (other processes on its cores make every figure worse): printed with the figures.
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

if (PROFILE) {
  const loadBefore = load();
  for (let run = 1; run <= RUNS; run++) {
    for (const territory of Object.keys(JOURNEYS)) await journey(territory);
    console.log(`run ${run}/${RUNS} done`);
  }
  server.close();
  const report = { date: new Date().toISOString(), runs: RUNS, cpu_slowdown: CPU_SLOWDOWN, load_before: loadBefore, load_after: load() };
  const busy = (map) => [...map].filter(([name]) => name !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  const top = (map, clicks, n) => [...map].filter(([name]) => name !== '(idle)').sort((x, y) => y[1] - x[1]).slice(0, n).map(([name, ms]) => [name, +(ms / clicks).toFixed(2)]);
  console.log(`\nwork per click, ${report.date} (load average ${report.load_before} before, ${report.load_after} after), CPU ${CPU_SLOWDOWN}x slower, ${RUNS} runs (ms per click)`);
  for (const [kind, w] of Object.entries(work)) {
    const per = (ms) => +(ms / w.clicks).toFixed(2);
    report[kind] = {
      clicks: w.clicks,
      click_to_commit_ms: per(w.window_ms),
      busy_in_interaction_ms: per(busy(w.functions)),
      busy_after_ms: per(busy(w.after)),
      dom_nodes: w.dom_nodes,
      main_thread: top(w.events, w.clicks, 20),
      by_kind: top(w.kinds, w.clicks, 10),
      functions: top(w.functions, w.clicks, 40),
      functions_after: top(w.after, w.clicks, 20),
    };
    const r = report[kind];
    console.log(`\n${kind}: ${w.clicks} clicks; click dispatched to its frame committed ${r.click_to_commit_ms} ms; profiler busy ${r.busy_in_interaction_ms} ms in it, ${r.busy_after_ms} ms after it${w.dom_nodes.length ? `; DOM elements on the results ${w.dom_nodes.join(' ')}` : ''}`);
    console.log('  main thread in the interaction, by trace event:');
    for (const [name, ms] of r.main_thread.slice(0, 12)) console.log(`    ${String(ms).padStart(8)}  ${name}`);
    console.log('  self time by kind of code in the interaction:');
    for (const [name, ms] of r.by_kind) console.log(`    ${String(ms).padStart(8)}  ${name}`);
    console.log('  self time by function in the interaction:');
    for (const [name, ms] of r.functions.slice(0, 30)) console.log(`    ${String(ms).padStart(8)}  ${name.slice(0, 110)}`);
  }
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(join(root, 'reports/interaction-profile.json'), `${JSON.stringify(report, null, 1)}\n`);
  process.exit(0);
}
const results = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`, runs: RUNS, cpu_slowdown: CPU_SLOWDOWN, load_before: load() };
const samples = { next_question_ms: [], results_painted_ms: [], start_screen_slow4g_ms: [], start_app_in_charge_slow4g_ms: [] };
for (let run = 1; run <= RUNS; run++) {
  for (const territory of ONLY === 'start' ? [] : Object.keys(JOURNEYS)) {
    const { nextQuestion, toResults } = await journey(territory);
    samples.next_question_ms.push(...nextQuestion);
    samples.results_painted_ms.push(toResults);
    (samples[`${territory}_results_ms`] ??= []).push(toResults);
    (samples[`${territory}_next_question_ms`] ??= []).push(...nextQuestion);
  }
  if (ONLY !== 'journeys') {
    const [painted, app] = await coldStart();
    samples.start_screen_slow4g_ms.push(Math.round(painted));
    samples.start_app_in_charge_slow4g_ms.push(Math.round(app));
  }
  console.log(`run ${run}/${RUNS} done`);
}
server.close();
results.load_after = load();

console.log(`\ninteraction benchmark, ${results.date}, ${results.machine} (load average ${results.load_before} before, ${results.load_after} after), CPU ${CPU_SLOWDOWN}x slower, ${RUNS} runs (ms)`);
console.log(`${'measure'.padEnd(34)} ${'n'.padStart(4)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'min'.padStart(7)} ${'max'.padStart(7)}`);
for (const [name, values] of Object.entries(samples)) {
  if (values.length === 0) continue;
  const s = (results[name] = { ...summary(values), samples: values });
  console.log(`${name.padEnd(34)} ${String(s.n).padStart(4)} ${String(s.median).padStart(7)} ${String(s.p90).padStart(7)} ${String(s.min).padStart(7)} ${String(s.max).padStart(7)}`);
}
console.log('\ntargets (issue 16): results painted p90 <= 100 ms, next question p90 <= 50 ms, start screen on Slow 4G + 4x CPU median <= 1200 ms');
mkdirSync(join(root, 'reports'), { recursive: true });
if (!ONLY && !argument('dist')) writeFileSync(join(root, 'reports/interaction.json'), `${JSON.stringify(results, null, 1)}\n`);
