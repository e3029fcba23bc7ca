import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normalizeCode } from "../../lib/pickup-code"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type { TillCustomerType } from "./validators"
import type { ILoyaltyModuleService } from "../../types/modules"

/** The member at the till: by the code on their card/app, or by their account's email; none for a walk-in. */
export async function findMember(req: AuthenticatedMedusaRequest, customer: TillCustomerType) {
  if (customer.walk_in) return null
  if (customer.member_code) {
    const service: ILoyaltyModuleService = req.scope.resolve(LOYALTY_MODULE)
    const [account] = await service.listLoyaltyAccounts({ member_code: normalizeCode(customer.member_code) })
    if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, "customer.member_code: No member with that code")
    return account.customer_id
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: customer.email!, has_account: true } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, "customer.email: No member with that email")
  return data[0].id as string
}
