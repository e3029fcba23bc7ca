import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deskAsset } from "../desk-assets"

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "text/css; charset=utf-8")
  res.setHeader("cache-control", "no-cache")
  res.setHeader("x-content-type-options", "nosniff")
  res.send(deskAsset("desk.css"))
}
