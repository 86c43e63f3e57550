// 衔接推进区申报助手 — the service worker: the whole app shell of one build, cached before that build is used.
//
// scripts/postbuild.mjs stamps the two constants below into dist/sw.js after every release build: BUILD_ID is
// derived from the built files' contents, PRECACHE lists them (relative to this file). A new build therefore has
// a byte-different worker, which the browser installs next to the running one:
//   install   fetch every file of the new build into its own cache `shenbao-<BUILD_ID>`; if a single file fails
//             (offline, half-deployed server) the install fails, the cache is dropped and the old version goes
//             on working; the browser tries again at the next visit.
//   waiting   the page shows "新版本已就绪"; nothing changes until the user presses the button, which posts
//             {type: "SKIP_WAITING"} here; the page reloads when the new worker takes control.
//   activate  only now are the caches of older builds deleted.
// Drafts live in local storage, which the worker never touches, so they survive every update.
const BUILD_ID = "dev";
const PRECACHE = [];

const CACHE_PREFIX = "shenbao-";
const CACHE = CACHE_PREFIX + BUILD_ID;
const INDEX = new URL("index.html", self.registration.scope).href;
const SCOPE = new URL("./", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      if (PRECACHE.length === 0) return; // an unstamped (development) worker caches nothing
      const cache = await caches.open(CACHE);
      try {
        // no-cache: revalidate with the server, never take a stale copy from the HTTP cache.
        await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "no-cache" })));
        // The page must be of this very build (a server caught half-way through a deployment is not).
        const index = await cache.match(INDEX);
        const text = index ? await index.text() : "";
        if (!text.includes(`content="${BUILD_ID}"`)) throw new Error(`index.html is not build ${BUILD_ID}`);
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || PRECACHE.length === 0) return;
  const url = new URL(request.url);
  const path = url.origin + url.pathname;
  // The app routes with the location hash, so the only pages are the scope itself and index.html.
  const isPage = request.mode === "navigate" && (path === SCOPE || path === INDEX);
  if (!path.startsWith(SCOPE)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(isPage ? INDEX : request, { ignoreSearch: isPage });
      return cached || fetch(request);
    })(),
  );
});
