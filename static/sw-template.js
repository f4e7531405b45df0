// Eligo's service worker (offline use). scripts/postbuild.mjs fills in the cache name and the file list.
//
// It keeps the app's static files — the page, its script, the wasm, the territories' packs (packs/*.pack,
// content-hashed), the styles — in a cache named after their content, so that after one visit the app opens
// and works with no network.
// Navigations go to the network first (a new version is seen at once) and fall back to the cached page,
// whatever the query (?kiosk=1…). The static files come from the cache first. A city's pack file (another
// same-origin .pack) comes from the network first, and is kept after it was fetched once.
// Nothing else is stored: no page by its address, no request other than GET, nothing from other origins,
// and never anything about the resident's answers (they never leave the page's memory).
'use strict';

const CACHE = __CACHE_NAME__;
const FILES = __FILES__;
const PAGE = new URL('./index.html', self.registration.scope).href;
const PRECACHED = new Set(FILES.map((file) => new URL(file, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('eligo-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match(PAGE, { cacheName: CACHE })));
    return;
  }
  if (url.pathname.endsWith('.pack') && !PRECACHED.has(url.href)) {
    // A city's pack: the network first, the last copy when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request, { cacheName: CACHE }).then((r) => r || Response.error())),
    );
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
});
