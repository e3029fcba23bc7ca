import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveAdminPickupStore } from "../helpers"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const store = await retrieveAdminPickupStore(req.scope, req.params.location_id)
  res.json({ store })
}
