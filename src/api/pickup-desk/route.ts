import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deskAsset, NOT_BUILT } from "./desk-assets"

/**
 * The desk page's Content-Security-Policy: nothing but its own script and
 * stylesheet (no inline script, no inline style: a customer's name that
 * reached the page as markup could not run), calls to its own origin only
 * (the Staff API), images from itself or data: URLs, no plugins, no framing.
 * The camera's stream is set as srcObject, which CSP does not govern.
 */
const DESK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join("; ")

/** The pickup desk page for store staff (no separate server: the plugin serves the built app, desk/). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  const html = deskAsset("desk.html")
  res.setHeader("cache-control", "no-cache")
  res.setHeader("x-content-type-options", "nosniff")
  if (html === null) {
    res.status(503).setHeader("content-type", "text/plain; charset=utf-8")
    res.send(NOT_BUILT)
    return
  }
  res.setHeader("content-type", "text/html; charset=utf-8")
  res.setHeader("content-security-policy", DESK_CSP)
  res.setHeader("x-frame-options", "DENY")
  res.send(html)
}
