// Local or Cloud's service worker: it precaches every file of a release build and serves them
// cache-first, so the advisor works offline after one visit. `cargo xtask precache` (a Trunk
// post_build hook) fills in the next two lines for each build; a debug build gets no list, and
// then this worker removes itself and its caches rather than serve a stale development build.
const VERSION = 'unbuilt';
const PRECACHE = null;

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
      if (!PRECACHE) await self.registration.unregister();
    })()
  );
});

// The page asks for this when the visitor accepts "a new version is ready — reload".
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

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
      return hit || fetch(request);
    })()
  );
});
