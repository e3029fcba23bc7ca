import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveCustomerPickup } from "../helpers"
import { omnichannelRoute } from "../../../../../utils/own-errors"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const pickup = await retrieveCustomerPickup(req.scope, req.auth_context.actor_id, req.params.id)
  res.json({ pickup })
})
