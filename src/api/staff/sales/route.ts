import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assertStoreInScope } from "../../../lib/pickup-desk"
import { normalizeCode } from "../../../lib/pickup-code"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"
import { createInStoreSaleWorkflow } from "../../../workflows/in-store/create-in-store-sale"
import type { StaffCreateSaleType } from "../validators"
import { staffMemberOf } from "../middlewares"
import { omnichannelRoute } from "../../utils/own-errors"

/** The member at the till: by the code on their card/app, or by their account's email. */
async function findMember(req: AuthenticatedMedusaRequest, customer: StaffCreateSaleType["customer"]) {
  if ("member_code" in customer) {
    const service: ILoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
    const [account] = await service.listLoyaltyAccounts({ member_code: normalizeCode(customer.member_code) })
    if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No member with that code")
    return account.customer_id
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: customer.email, has_account: true } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No member with that email")
  return data[0].id as string
}

/** A sale at the staff member's store, for a member: a paid, handed-over In-store order that earns points. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<StaffCreateSaleType>, res: MedusaResponse) => {
  const member = staffMemberOf(req)
  const body = req.validatedBody
  assertStoreInScope({ location_ids: member.location_ids, actor: { type: "staff", id: member.id } }, body.location_id)
  const customerId = await findMember(req, body.customer)
  const { result } = await createInStoreSaleWorkflow(req.scope).run({
    input: { location_id: body.location_id, customer_id: customerId, items: body.items, staff_id: member.id },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    // What a receipt reads, as Medusa computed it: lines with their VAT, the VAT and the total.
    fields: [
      "id", "display_id", "status", "currency_code", "total", "tax_total", "subtotal", "sales_channel.name",
      "items.title", "items.quantity", "items.unit_price", "items.total", "items.tax_total", "items.tax_lines.rate",
      "payment_status", "fulfillment_status",
    ],
    filters: { id: result.order.id },
  })
  res.status(201).json({ order, points_earned: result.earned?.points ?? 0 })
})
