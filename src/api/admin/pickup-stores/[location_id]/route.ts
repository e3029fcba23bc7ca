import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upsertPickupStoreWorkflow } from "../../../../workflows"
import { retrieveAdminPickupStore } from "../helpers"
import type { AdminUpsertPickupStoreType } from "../validators"
import { omnichannelRoute } from "../../../utils/own-errors"

export const GET = omnichannelRoute(async (req: MedusaRequest, res: MedusaResponse) => {
  const store = await retrieveAdminPickupStore(req.scope, req.params.location_id)
  res.json({ store })
})

/** Create or update a store's pickup settings (turning pickup on sets up Medusa's pickup option). */
export const POST = omnichannelRoute(async (req: MedusaRequest<AdminUpsertPickupStoreType>, res: MedusaResponse) => {
  await upsertPickupStoreWorkflow(req.scope).run({
    input: { ...req.validatedBody, location_id: req.params.location_id },
  })
  const store = await retrieveAdminPickupStore(req.scope, req.params.location_id)
  res.json({ store })
})
