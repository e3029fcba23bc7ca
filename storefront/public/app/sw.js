// The app's service worker: keeps the shell (the page, its script, styles and
// icons) so the app starts offline or on a poor connection. API calls go to
// the network, never to a cache: stock, prices, codes and points are live.
const SHELL = "lumiere-shell-v1"

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(["/app/", "/app/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon.svg"]))
      .then(() => self.skipWaiting())
  )
})

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  )
})

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return
  // The page and its config.json: the network first (a new version), the
  // cached copy offline.
  if (url.pathname === "/app/config.json") {
    event.respondWith(
      fetch(event.request)
        .then((res) => {
          // Only a good answer replaces the copy kept for offline starts.
          if (res.ok) {
            const copy = res.clone()
            caches.open(SHELL).then((c) => c.put(event.request, copy))
          }
          return res
        })
        .catch(() => caches.match(event.request))
    )
    return
  }
  // Navigations: the network first (a new version), the cached shell offline.
  if (event.request.mode === "navigate") {
    event.respondWith(
      fetch(event.request)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone()
            caches.open(SHELL).then((c) => c.put("/app/", copy))
          }
          return res
        })
        .catch(() => caches.match("/app/"))
    )
    return
  }
  // Built assets have content hashes: cache them as they are first used.
  if (url.pathname.startsWith("/assets/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ||
          fetch(event.request).then((res) => {
            if (res.ok) {
              const copy = res.clone()
              caches.open(SHELL).then((c) => c.put(event.request, copy))
            }
            return res
          })
      )
    )
  }
})
