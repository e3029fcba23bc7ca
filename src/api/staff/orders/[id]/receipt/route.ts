import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { tillReceipt } from "../../../../../lib/till-receipt"
import { staffMemberOf } from "../../../middlewares"

/** A till sale's receipt, for the desk's printable page: only for a sale at one of the staff member's stores. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const member = staffMemberOf(req)
  const receipt = await tillReceipt(req.scope, req.params.id).catch(() => null)
  const storeId = receipt?.order.metadata?.store_location_id
  if (!receipt || !storeId || !member.location_ids.includes(storeId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No till sale ${req.params.id} at your stores`)
  }
  res.json({ receipt })
}
