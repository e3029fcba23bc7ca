import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deskAsset } from "../desk-assets"

/** The desk's icon (linked from desk.html; same origin, so a `img-src 'self'` policy allows it). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "image/svg+xml; charset=utf-8")
  res.setHeader("cache-control", "public, max-age=86400")
  res.send(deskAsset("favicon.svg"))
}
