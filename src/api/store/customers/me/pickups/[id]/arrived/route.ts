import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markPickupArrivedWorkflow } from "../../../../../../../workflows/pickup-desk"
import { retrieveCustomerPickup } from "../../helpers"
import type { StoreMarkArrivedType } from "../../../../../validators"
import { omnichannelRoute } from "../../../../../../utils/own-errors"

/** The shopper is at the store (curbside: where they parked); the desk queue shows them first. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<StoreMarkArrivedType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  await retrieveCustomerPickup(req.scope, customerId, req.params.id)
  await markPickupArrivedWorkflow(req.scope).run({
    input: { pickup_id: req.params.id, note: req.validatedBody.note ?? null, actor: { type: "customer", id: customerId } },
  })
  res.json({ pickup: await retrieveCustomerPickup(req.scope, customerId, req.params.id) })
})
