import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerHistory } from "../../../../../lib/order-history"
import type { StoreOrderHistoryType } from "../../../validators"
import { omnichannelRoute } from "../../../../utils/own-errors"

/** The customer's orders from every channel, newest first, with store, mode, pickup status and points. */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await customerHistory(req.scope, req.auth_context.actor_id, req.validatedQuery as unknown as StoreOrderHistoryType))
})
