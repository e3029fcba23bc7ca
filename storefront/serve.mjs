#!/usr/bin/env node
// Serves the built storefront (storefront/dist) and its /config.json: the
// backend URL and the publishable keys of the web shop ("/") and of the app
// ("/app/", the installable PWA that sells in the "Mobile app" channel).
// Any static host does the same: copy dist/ and write config.json beside it.
//
//   MEDUSA_BACKEND_URL=http://localhost:9000 WEB_PUBLISHABLE_KEY=pk_… APP_PUBLISHABLE_KEY=pk_… \
//     node storefront/serve.mjs            (PORT or SHOP_PORT, default 8000)
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
export const DIST = path.join(here, "dist")

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
}

/**
 * The origin of a configured URL for a CSP source list, or null. A tile
 * template's subdomain placeholder (https://{s}.tile.example.org/{z}/{x}/{y}.png)
 * becomes a wildcard label; anything else that is not a plain http(s) host
 * (another placeholder, a character that could end the directive) is left
 * out rather than widening or breaking the policy.
 */
export function cspOrigin(url) {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(String(url ?? ""))
  if (!m) return null
  const host = m[2].replace(/^\{s\}\./, "*.")
  if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(host) && !/^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) return null
  return `${m[1].toLowerCase()}://${host.toLowerCase()}`
}

/**
 * The storefront's Content-Security-Policy: only its own scripts run (no
 * inline script, so text that reaches the page as markup cannot execute);
 * it talks to itself and the Medusa backend; images from itself, data: URLs
 * (QR codes), any https host (product images live where the merchant's file
 * provider puts them), the backend and the map's tile host. Styles: its own
 * stylesheets, and style attributes (Leaflet's attribution writes one in
 * markup; Leaflet and React otherwise set styles through the DOM, which CSP
 * does not restrict) but no <style> elements.
 */
export function storefrontCsp(config) {
  const backend = cspOrigin(config?.backendUrl)
  const tiles = cspOrigin(config?.tileUrl)
  const list = (...sources) => [...new Set(sources.filter(Boolean))].join(" ")
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    `img-src ${list("'self'", "data:", "https:", backend, tiles)}`,
    `connect-src ${list("'self'", backend)}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ")
}

/**
 * Starts the storefront's server; resolves once it listens.
 * config: { backendUrl, publishableKeys: { web, app }, tileUrl? }
 */
export function startStorefront({ port = 8000, host = "127.0.0.1", config, dist = DIST }) {
  if (!fs.existsSync(path.join(dist, "index.html"))) {
    throw new Error(`The storefront is not built (${dist}): npm run build:storefront`)
  }
  const configJson = JSON.stringify(config)
  const csp = storefrontCsp(config)
  const root = dist + path.sep
  /** A file of the build for this URL path, or null (never anything outside dist). */
  const fileFor = (p) => {
    const resolved = path.resolve(dist, "." + p)
    if (!resolved.startsWith(root)) return null
    return fs.existsSync(resolved) && fs.statSync(resolved).isFile() ? resolved : null
  }
  const server = http.createServer((req, res) => {
    let pathname
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)
    } catch {
      res.writeHead(400, { "content-type": "text/plain" })
      return res.end("Bad request")
    }
    res.setHeader("content-security-policy", csp)
    res.setHeader("x-content-type-options", "nosniff")
    res.setHeader("referrer-policy", "same-origin")
    if (pathname.includes("\0") || pathname.split("/").includes("..")) {
      res.writeHead(400, { "content-type": "text/plain" })
      return res.end("Bad request")
    }
    if (pathname === "/config.json" || pathname === "/app/config.json") {
      res.writeHead(200, { "content-type": TYPES[".json"], "cache-control": "no-cache" })
      return res.end(configJson)
    }
    if (pathname === "/app") {
      res.writeHead(301, { location: "/app/" })
      return res.end()
    }
    // The app is the same build under /app/ (its own manifest and service-worker
    // scope); a built asset it asks for under /app/ is the shop's.
    const inApp = pathname.startsWith("/app/")
    let file = fileFor(pathname) ?? (inApp ? fileFor(pathname.slice(4)) : null)
    if (!file) {
      // Built files live in /assets/ and /icons/: a miss there is a 404. Any
      // other path is a screen (or an email's link, e.g. /cart/recover/a.b.c): the page.
      if (/^\/(app\/)?(assets|icons)\//.test(pathname)) {
        res.writeHead(404, { "content-type": "text/plain" })
        return res.end("Not found")
      }
      file = path.join(dist, "index.html")
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream"
    const immutable = file.includes(`${path.sep}assets${path.sep}`)
    res.writeHead(200, {
      "content-type": type,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      ...(file.endsWith("sw.js") ? { "service-worker-allowed": "/app/" } : {}),
    })
    fs.createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res)
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => resolve({ server, url: `http://localhost:${server.address().port}` }))
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const backendUrl = process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000"
  const web = process.env.WEB_PUBLISHABLE_KEY
  const app = process.env.APP_PUBLISHABLE_KEY ?? web
  if (!web) {
    console.error("Set WEB_PUBLISHABLE_KEY (and APP_PUBLISHABLE_KEY for the app's sales channel).")
    process.exit(1)
  }
  const port = Number(process.env.SHOP_PORT ?? process.env.PORT ?? 8000)
  const { url } = await startStorefront({
    port,
    host: process.env.HOST ?? "127.0.0.1",
    config: { backendUrl, publishableKeys: { web, app }, tileUrl: process.env.MAP_TILE_URL || null },
  })
  console.log(`Storefront on ${url} (web shop), ${url}/app/ (app), backend ${backendUrl}`)
}
