// Eligo's service worker (offline use). scripts/postbuild.mjs fills in the cache name and the two file lists,
// each file with its SHA-256.
//
// It never downloads a file the page has already downloaded, and downloads nothing the resident has not used:
// - at install, the first load's files (the page, its scripts, the wasm, the styles, the icon) are taken from
//   the browser's HTTP cache, which the page has just filled (`only-if-cached`: no request at all), and fetched
//   only when they are not there; each is checked against its SHA-256 (a stale copy is fetched anew);
// - the files the page may need later (each territory's pack in each language, the QR code encoder) are kept
//   as the page uses them: from the HTTP cache when the page fetched them before this worker was in control,
//   else the page's own request, answered by the network and kept on its way;
// - the rest of them only when the page asks (`precacheLater`): static/startup-template.js asks on a
//   returning visit, when the page is idle and the connection is not metered, slow or saving data, leaving out
//   the packs of the territories that page never opens (a city's site fixes its own);
// - a new version keeps the packs and the encoder the resident used from the previous one's cache (their
//   names are content-hashed: the same name is the same bytes, and they are checked anyway).
// So offline use works for every territory and language the resident has used.
// Navigations go to the network first (a new version is seen at once) and fall back to the cached page,
// whatever the query (?kiosk=1…). A city's pack file (another same-origin .pack) comes from the network first,
// and is kept after it was fetched once. Nothing else is stored: no page by its address, no request other than
// GET, nothing from other origins, and never anything about the resident's answers (they never leave the
// page's memory).
'use strict';

const CACHE = __CACHE_NAME__;
const FIRST_LOAD = __FIRST_LOAD__;
const LATER = __LATER__;

const SCOPE = self.registration.scope;
const href = (file) => new URL(file, SCOPE).href;
const PAGE = href('./index.html');
const DIGESTS = new Map([...Object.entries(FIRST_LOAD), ...Object.entries(LATER)].map(([file, digest]) => [href(file), digest]));
const LATER_URLS = Object.keys(LATER).map(href);

async function sha256(response) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  return btoa(String.fromCharCode(...digest));
}

// Keeps `response` as `url` when it holds the bytes this version expects.
async function keepIfExpected(cache, url, response) {
  if (!response?.ok || (await sha256(response)) !== DIGESTS.get(url)) return false;
  await cache.put(url, response);
  return true;
}

// The browser's HTTP cache only: a network error (not a request) when the file is not there.
const fromHttpCache = (url) => fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);

async function missing(cache, urls) {
  const cached = new Set((await cache.keys()).map((request) => request.url));
  return urls.filter((url) => !cached.has(url));
}

// The addresses under which the open pages of the app were fetched (`./`, `./?lang=en`…): the page's bytes are
// in the HTTP cache under those, not under ./index.html.
async function pageAddresses() {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  return windows
    .map((client) => new URL(client.url))
    .filter((url) => url.href.startsWith(SCOPE) && (url.pathname === new URL(SCOPE).pathname || url.href.split(/[?#]/)[0] === PAGE))
    .map((url) => url.href.split('#')[0]);
}

async function keepFirstLoad(cache) {
  const addresses = await pageAddresses();
  await Promise.all(
    Object.keys(FIRST_LOAD).map(async (file) => {
      const url = href(file);
      for (const address of url === PAGE ? [...addresses, url] : [url]) {
        if (await keepIfExpected(cache, url, await fromHttpCache(address))) return;
      }
      // Not in the HTTP cache (or an older copy): the network, revalidating what the HTTP cache has.
      for (const mode of ['no-cache', 'reload']) {
        if (await keepIfExpected(cache, url, await fetch(url, { cache: mode }).catch(() => null))) return;
      }
      throw new Error(`Eligo's service worker: ${file} is not the file this version expects`);
    }),
  );
}

// The packs and the encoder the page fetched before this worker was in control, from the HTTP cache only.
async function keepWhatThePageFetched(cache) {
  await Promise.all((await missing(cache, LATER_URLS)).map(async (url) => keepIfExpected(cache, url, await fromHttpCache(url))));
}

// A new version: the packs and the encoder of the older caches that this version still lists.
async function carryOver(cache) {
  for (const name of await caches.keys()) {
    if (!name.startsWith('eligo-') || name === CACHE) continue;
    const old = await caches.open(name);
    for (const url of await missing(cache, LATER_URLS)) await keepIfExpected(cache, url, await old.match(url));
  }
}

// Everything not used yet, one file at a time (a background task that never competes with the page), but the
// packs of territories the page does not open: `territories` lists those it may (all of them unless the page
// fixes one). A pack's name starts with its territory's id, which has no "-" (scripts/postbuild/packs.mjs
// refuses any other).
async function precacheLater(territories) {
  const cache = await caches.open(CACHE);
  const opened = (url) => {
    const pack = new URL(url).pathname.match(/\/packs\/([a-z0-9_]+)-[^/]+\.pack$/);
    return !pack || !territories || territories.includes(pack[1]);
  };
  for (const url of (await missing(cache, LATER_URLS)).filter(opened)) {
    await keepIfExpected(cache, url, await fetch(url).catch(() => null));
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await keepFirstLoad(cache);
        await keepWhatThePageFetched(cache);
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await carryOver(cache);
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith('eligo-') && n !== CACHE).map((n) => caches.delete(n)));
      await self.clients.claim();
      // What the page fetched while this worker installed.
      await keepWhatThePageFetched(cache);
    })(),
  );
});

self.addEventListener('message', (event) => {
  // Only same-origin pages can message this worker. (A page of the previous version, open while this one takes
  // over, asks with the bare string.)
  const { data } = event;
  if (data === 'precache-later') event.waitUntil(precacheLater());
  else if (data?.precacheLater === true) {
    event.waitUntil(precacheLater(Array.isArray(data.territories) ? data.territories.filter((id) => typeof id === 'string') : undefined));
  }
});

// A file of this version: from the cache, else from the network, kept on its way (a pack or the encoder on
// first use).
async function cacheFirst(event, url) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic') event.waitUntil(keepIfExpected(cache, url, response.clone()));
  return response;
}

// A city's pack: the network first, the last copy when offline.
async function networkFirst(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch {
    return (await caches.match(request, { cacheName: CACHE })) ?? Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(PAGE, { cacheName: CACHE }).then((page) => page ?? Response.error())));
    return;
  }
  if (DIGESTS.has(url.href)) {
    event.respondWith(cacheFirst(event, url.href));
    return;
  }
  if (url.pathname.endsWith('.pack')) event.respondWith(networkFirst(event));
});
