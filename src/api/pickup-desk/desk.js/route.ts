import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DESK_JS } from "../js"

export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("content-type", "application/javascript; charset=utf-8")
  res.setHeader("cache-control", "no-cache")
  res.send(DESK_JS)
}
