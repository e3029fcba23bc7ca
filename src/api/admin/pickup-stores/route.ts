import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAdminPickupStores } from "./helpers"
import type { AdminListPickupStoresType } from "./validators"
import { omnichannelRoute } from "../../utils/own-errors"

export const GET = omnichannelRoute(async (
  req: MedusaRequest<unknown, AdminListPickupStoresType>,
  res: MedusaResponse
) => {
  const { limit, offset, enabled } = req.validatedQuery as AdminListPickupStoresType
  const { stores, count } = await listAdminPickupStores(req.scope, { limit, offset, enabled })
  res.json({ stores, count, limit, offset })
})
