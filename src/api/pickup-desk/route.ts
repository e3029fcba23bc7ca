import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DESK_HTML } from "./html"

/** The pickup desk page for store staff (no separate server: the plugin serves it). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "text/html; charset=utf-8")
  res.setHeader("cache-control", "no-cache")
  res.setHeader("x-frame-options", "DENY")
  res.send(DESK_HTML)
}
