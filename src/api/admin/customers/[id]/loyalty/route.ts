import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertCustomer } from "../../../../utils/customers"
import { presentAccount } from "../../../../../lib/loyalty-present"
import { ensureLoyaltyAccountWorkflow } from "../../../../../workflows/loyalty/ensure-loyalty-account"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { LoyaltyEntriesQueryType } from "../../../loyalty/validators"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomer(req)
  const { limit, offset, order_id } = req.validatedQuery as LoyaltyEntriesQueryType
  await ensureLoyaltyAccountWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.json(await presentAccount(req.scope, req.params.id, { limit, offset, order_id, qr: false }))
})
