import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertCustomer } from "./helpers"
import { presentAccount } from "../../../../../lib/loyalty-present"
import { omnichannelRoute } from "../../../../utils/own-errors"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomer(req)
  const { limit, offset, order_id } = req.validatedQuery as any
  res.json(await presentAccount(req.scope, req.params.id, { limit, offset, order_id, qr: false }))
})
