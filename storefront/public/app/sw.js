// The app's service worker: keeps the shell (the page, its script, styles,
// config and icons) so the app starts offline or on a poor connection. API
// calls (another origin) go to the network, never to this cache: stock, prices,
// codes and points are live. What a signed-in shopper last saw (member card,
// balance, orders, pickup codes) the page keeps itself, with the time it was
// fetched (storefront/src/lastSeen.ts), and shows offline as such.
const SHELL = "lumiere-shell-v2"

/** The page and everything it loads at start (its hashed script and styles), read from the page itself. */
async function cacheShell(cache) {
  await cache.addAll(["/app/", "/app/config.json", "/app/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon.svg"])
  const page = await cache.match("/app/")
  const html = page ? await page.text() : ""
  // Without these the first offline start would get the page and no script.
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
  await cache.addAll([...new Set(assets)])
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then(cacheShell)
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
