import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertStoreInScope } from "../../../lib/pickup-desk"
import { findTillItems } from "../../../lib/till-catalog"
import { staffMemberOf } from "../middlewares"
import type { StaffFindItemsType } from "../validators"

/** The till's item search at one of the staff member's stores: by scanned code or by name, with price and shelf stock. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const member = staffMemberOf(req)
  const { location_id, q, scan } = req.validatedQuery as StaffFindItemsType
  assertStoreInScope({ location_ids: member.location_ids, actor: { type: "staff", id: member.id } }, location_id)
  res.json({ items: await findTillItems(req.scope, location_id, q, scan) })
}
