import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assertStoreInScope } from "../../../lib/pickup-desk"
import { normalizeCode } from "../../../lib/pickup-code"
import { tillReceipt } from "../../../lib/till-receipt"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { createInStoreSaleWorkflow } from "../../../workflows/in-store/create-in-store-sale"
import type { StaffCreateSaleType } from "../validators"
import { staffMemberOf } from "../middlewares"
import { omnichannelRoute } from "../../utils/own-errors"

/** The member at the till: by the code on their card/app, or by their account's email; none for a walk-in. */
async function findMember(req: AuthenticatedMedusaRequest, customer: StaffCreateSaleType["customer"]) {
  if ("walk_in" in customer) return null
  if ("member_code" in customer) {
    const service: LoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
    const [account] = await service.listLoyaltyAccounts({ member_code: normalizeCode(customer.member_code) })
    if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, "customer.member_code: No member with that code")
    return account.customer_id
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: customer.email, has_account: true } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, "customer.email: No member with that email")
  return data[0].id as string
}

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
      email: "walk_in" in body.customer ? body.customer.email ?? null : null,
      items: body.items,
      payment: { method: body.payment.method, reference: body.payment.reference ?? null },
      staff_id: member.id,
      exchange_of: body.exchange_of ?? null,
    },
  })
  const receipt = await tillReceipt(req.scope, result.order.id)
  res.status(201).json({ order: receipt.order, receipt, points_earned: result.earned?.points ?? 0 })
})
