import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentAccount } from "../../../../../lib/loyalty-present"
import { omnichannelRoute } from "../../../../utils/own-errors"

/** The shopper's points: available, pending, tier and progress, member code + QR, the ledger. */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, order_id } = req.validatedQuery as any
  res.json(await presentAccount(req.scope, req.auth_context.actor_id, { limit, offset, order_id, qr: true }))
})
