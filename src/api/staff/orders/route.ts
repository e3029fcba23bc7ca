import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertStoreInScope } from "../../../lib/pickup-desk"
import { findReturnableOrders } from "../../../lib/store-returns"
import { tillReceipt } from "../../../lib/till-receipt"
import { orderForShopperWorkflow } from "../../../workflows/in-store/order-for-shopper"
import { findMember } from "../find-member"
import { staffMemberOf } from "../middlewares"
import type { StaffCreateAisleOrderType, StaffFindOrdersType } from "../validators"
import { omnichannelRoute } from "../../utils/own-errors"
import { omnichannelOptions } from "../../../lib/plugin-options"

/**
 * The desk's order search for returns: any channel's order (a shop takes back
 * what was bought anywhere), found by number, receipt QR, member code or email.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { q } = req.validatedQuery as StaffFindOrdersType
  const windowDays = omnichannelOptions(req.scope).returnWindowDays
  res.json({ orders: await findReturnableOrders(req.scope, q, windowDays) })
}

/**
 * The endless aisle: what the shelf lacks, ordered at the till for the shopper
 * (delivered, or picked up at a store), paid at the till. Answers the order as
 * the receipt reads it.
 */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<StaffCreateAisleOrderType>, res: MedusaResponse) => {
  const member = staffMemberOf(req)
  const body = req.validatedBody
  assertStoreInScope({ location_ids: member.location_ids, actor: { type: "staff", id: member.id } }, body.location_id)
  const customerId = await findMember(req, body.customer)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const email = customerId
    ? ((await query.graph({ entity: "customer", fields: ["email"], filters: { id: customerId } })).data[0]?.email as string)
    : body.customer.email! // a walk-in's, required by the validator
  const { result } = await orderForShopperWorkflow(req.scope).run({
    input: {
      location_id: body.location_id,
      staff_id: member.id,
      customer_id: customerId,
      email,
      items: body.items,
      fulfillment: body.fulfillment,
      payment: { method: body.payment.method, reference: body.payment.reference ?? null },
    },
  })
  res.status(201).json({ receipt: await tillReceipt(req.scope, result.order_id) })
})
