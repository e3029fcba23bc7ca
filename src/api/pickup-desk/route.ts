import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deskAsset } from "./desk-assets"

/** The pickup desk page for store staff (no separate server: the plugin serves it). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "text/html; charset=utf-8")
  res.setHeader("cache-control", "no-cache")
  res.setHeader("x-frame-options", "DENY")
  res.send(deskAsset("desk.html"))
}
