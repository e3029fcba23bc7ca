import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveCustomerPickup } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const pickup = await retrieveCustomerPickup(req.scope, req.auth_context.actor_id, req.params.id)
  res.json({ pickup })
}
