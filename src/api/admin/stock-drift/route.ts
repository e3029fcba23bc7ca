import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { findStockDrift } from "../../../lib/stock-drift"
import { omnichannelRoute } from "../../utils/own-errors"

/** Inventory levels whose reserved quantity differs from their live reservations. */
export const GET = omnichannelRoute(async (req: MedusaRequest, res: MedusaResponse) => {
  const levels = await findStockDrift(req.scope)
  res.json({ levels, count: levels.length })
})
