import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deskAsset } from "../desk-assets"

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "application/javascript; charset=utf-8")
  res.setHeader("cache-control", "no-cache")
  res.setHeader("x-content-type-options", "nosniff")
  res.send(deskAsset("desk.js"))
}
