import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertStoreInScope } from "../../../lib/pickup-desk"
import { tillReceipt } from "../../../lib/till-receipt"
import { createInStoreSaleWorkflow } from "../../../workflows/in-store/create-in-store-sale"
import type { StaffCreateSaleType } from "../validators"
import { staffMemberOf } from "../middlewares"
import { findMember } from "../find-member"
import { omnichannelRoute } from "../../utils/own-errors"

/** A sale at the staff member's store, for a member or a walk-in: a paid, handed-over In-store order; members earn points. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<StaffCreateSaleType>, res: MedusaResponse) => {
  const member = staffMemberOf(req)
  const body = req.validatedBody
  assertStoreInScope({ location_ids: member.location_ids, actor: { type: "staff", id: member.id } }, body.location_id)
  const customerId = await findMember(req, body.customer)
  const { result } = await createInStoreSaleWorkflow(req.scope).run({
    input: {
      location_id: body.location_id,
      customer_id: customerId,
      email: body.customer.walk_in ? body.customer.email ?? null : null,
      items: body.items,
      payment: { method: body.payment.method, reference: body.payment.reference ?? null },
      staff_id: member.id,
      exchange_of: body.exchange_of ?? null,
      points: body.points,
    },
  })
  const receipt = await tillReceipt(req.scope, result.order.id)
  res.status(201).json({ order: receipt.order, receipt, points_earned: result.earned?.points ?? 0 })
})
