import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deskAsset } from "./desk-assets"

/**
 * The desk page's Content-Security-Policy: nothing but its own script and
 * stylesheet (no inline script: a customer's name that reached the page as
 * markup could not run), calls to its own origin only (the Staff API), images
 * from itself or data: URLs, no plugins, no framing. Style attributes stay
 * allowed because desk.js writes one in its markup (the "someone else is
 * collecting" checkbox); <style> elements do not. The camera's stream is set
 * as srcObject, which CSP does not govern.
 */
const DESK_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join("; ")

/** The pickup desk page for store staff (no separate server: the plugin serves it). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "text/html; charset=utf-8")
  res.setHeader("cache-control", "no-cache")
  res.setHeader("content-security-policy", DESK_CSP)
  res.setHeader("x-content-type-options", "nosniff")
  res.setHeader("x-frame-options", "DENY")
  res.send(deskAsset("desk.html"))
}
