import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { findStockDrift } from "../../../lib/stock-drift"

/** Inventory levels whose reserved quantity differs from their live reservations. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const levels = await findStockDrift(req.scope)
  res.json({ levels, count: levels.length })
}
