import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { readOrderProgress } from "../../../../../lib/order-progress-read"
import { omnichannelRoute } from "../../../../utils/own-errors"

/**
 * Where an order stands, whatever its mode (pickup, delivery parcels with
 * carrier and tracking, till sale, canceled, refunded): readable by whoever
 * holds the order id, as Medusa's own GET /store/orders/:id is.
 */
export const GET = omnichannelRoute(async (req: MedusaRequest, res: MedusaResponse) => {
  const progress = (await readOrderProgress(req.scope, [req.params.id])).get(req.params.id)
  if (!progress) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  res.json({ progress })
})
