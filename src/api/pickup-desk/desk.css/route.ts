import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DESK_CSS } from "../css"

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "text/css; charset=utf-8")
  res.setHeader("cache-control", "no-cache")
  res.send(DESK_CSS)
}
