import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { presentAccount } from "../../../../../lib/loyalty-present"
import { ensureLoyaltyAccountWorkflow } from "../../../../../workflows/loyalty/ensure-loyalty-account"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { LoyaltyEntriesQueryType } from "../../../../admin/loyalty/validators"

/** The shopper's points: available, pending, tier and progress, member code + QR, the ledger. */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { limit, offset, order_id } = req.validatedQuery as LoyaltyEntriesQueryType
  await ensureLoyaltyAccountWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  res.json(await presentAccount(req.scope, req.auth_context.actor_id, { limit, offset, order_id, qr: true }))
})
