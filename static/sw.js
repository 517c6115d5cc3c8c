// Local or Cloud's service worker: it precaches the light files of a release build (the page,
// the app, its styles and data) and serves everything cache-first, so the advisor works offline
// after one visit. The heavy parts (the analyzer's and benchmark's worker and model, the cloud
// worker, the install icons) are cached when they are first fetched, or all at once when the
// page asks ("make available offline", or on install), so a first visit stays light.
// `cargo xtask precache` (a Trunk post_build hook) fills in the next three lines for each build;
// a debug build gets no lists, and then this worker removes itself and its caches rather than
// serve a stale development build.
const VERSION = 'unbuilt';
const PRECACHE = null;
const ON_DEMAND = null;

const PREFIX = 'local-or-cloud-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  if (!PRECACHE) {
    self.skipWaiting();
    return;
  }
  // `no-cache` revalidates with the server: worker.js, the models and index.html keep their
  // names from build to build, and a stale HTTP-cached copy must not enter the new cache.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'no-cache' })))
    )
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(old.map((name) => caches.delete(name)));
      if (!PRECACHE) return self.registration.unregister();
      // The first visit's page is taken over at once, so a heavy part it fetches from now on
      // is kept; a later version waits for the visitor's reload (`skip-waiting`) before this.
      await self.clients.claim();
    })()
  );
});

// The page asks for `skip-waiting` when the visitor accepts "a new version is ready — reload",
// for `offline-status` to say what is not cached yet, and for `cache-all` to cache it.
self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') self.skipWaiting();
  else if (type === 'offline-status') event.waitUntil(report(event.source));
  else if (type === 'cache-all') event.waitUntil(cacheAll().then((error) => report(event.source, error)));
  else if (type === 'cache-used') event.waitUntil(cacheUsed(event.data.urls || []).then(() => report(event.source)));
});

// The parts that go together: a worker's script, its wasm and what it reads.
const GROUPS = [/^report_worker|^data\//, /^fit_worker|^data\//, /^worker|^models\//, /^cloud_worker/];

// Caches the groups of on-demand files the page fetched before this worker controlled it (a
// first visit's fit table or analyzer), so what was used works offline.
async function cacheUsed(urls) {
  const scope = self.registration.scope;
  const used = urls.filter((url) => typeof url === 'string' && url.startsWith(scope))
    .map((url) => url.slice(scope.length).split('?')[0]);
  const groups = GROUPS.filter((group) => used.some((path) => group.test(path)));
  const wanted = (ON_DEMAND || []).filter((path) => groups.some((group) => group.test(path)));
  const cache = await caches.open(CACHE);
  const todo = (await missing()).filter((path) => wanted.includes(path));
  await Promise.allSettled(todo.map((path) => cache.add(new Request(scoped(path), { cache: 'no-cache' }))));
}

const scoped = (path) => new URL(path, self.registration.scope).href;

// The on-demand files not in the cache yet.
async function missing() {
  const cache = await caches.open(CACHE);
  const found = await Promise.all((ON_DEMAND || []).map((path) => cache.match(scoped(path))));
  return (ON_DEMAND || []).filter((path, i) => !found[i]);
}

async function report(client, error) {
  if (client) client.postMessage({ type: 'offline-status', missing: await missing(), error: error || null });
}

// Caches every missing on-demand file; a failure (no network, a full storage quota) is named
// to the page, and whatever was cached stays.
async function cacheAll() {
  const cache = await caches.open(CACHE);
  const results = await Promise.allSettled(
    (await missing()).map((path) => cache.add(new Request(scoped(path), { cache: 'no-cache' })))
  );
  const failed = results.find((result) => result.status === 'rejected');
  return failed ? String(failed.reason && (failed.reason.name === 'QuotaExceededError' ? 'storage is full' : failed.reason.message || failed.reason)) : null;
}

// Tells every open page what is now cached, after a file was cached on first use.
async function reportAll() {
  for (const client of await self.clients.matchAll({ type: 'window' })) await report(client);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!PRECACHE || request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  // Cloud APIs and anything outside the app's own path go to the network untouched.
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is index.html with a different query string (answers, embed).
      const page = request.mode === 'navigate' &&
        (url.pathname === scope.pathname || url.pathname === scope.pathname + 'index.html');
      const hit = await cache.match(page ? new URL('index.html', scope).href : request);
      if (hit) return hit;
      const response = await fetch(request);
      // A heavy part fetched for the first time is kept for offline use from now on.
      const path = url.pathname.slice(scope.pathname.length);
      if (response.ok && (ON_DEMAND || []).includes(path)) {
        event.waitUntil(cache.put(request, response.clone()).then(reportAll, () => {}));
      }
      return response;
    })()
  );
});
