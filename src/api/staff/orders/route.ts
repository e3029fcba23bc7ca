import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type PickupModuleService from "../../../modules/pickup/service"
import { findReturnableOrders } from "../../../lib/store-returns"
import type { StaffFindOrdersType } from "../validators"

/**
 * The desk's order search for returns: any channel's order (a shop takes back
 * what was bought anywhere), found by number, receipt QR, member code or email.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { q } = req.validatedQuery as StaffFindOrdersType
  const windowDays = req.scope.resolve<PickupModuleService>(PICKUP_MODULE).options.returnWindowDays
  res.json({ orders: await findReturnableOrders(req.scope, q, windowDays) })
}
