import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertStoreInScope } from "../../../lib/pickup-desk"
import { returnAtStoreWorkflow } from "../../../workflows/in-store/return-at-store"
import { staffMemberOf } from "../middlewares"
import type { StaffCreateReturnType } from "../validators"
import { omnichannelRoute } from "../../utils/own-errors"
import { omnichannelOptions } from "../../../lib/plugin-options"

/** Lines of any channel's order taken back at the staff member's store, refunded to the original payment. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<StaffCreateReturnType>, res: MedusaResponse) => {
  const member = staffMemberOf(req)
  const body = req.validatedBody
  assertStoreInScope({ location_ids: member.location_ids, actor: { type: "staff", id: member.id } }, body.location_id)
  const windowDays = omnichannelOptions(req.scope).returnWindowDays
  const { result } = await returnAtStoreWorkflow(req.scope).run({
    input: { ...body, staff_id: member.id, return_window_days: windowDays },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [ret] } = await query.graph({
    entity: "return",
    fields: ["id", "status", "location_id", "refund_amount", "items.item_id", "items.quantity", "items.received_quantity", "items.damaged_quantity"],
    filters: { id: result.return_id },
  })
  res.status(201).json({ return: ret, refund: result.refund, points_restored: result.points_restored })
})
