import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../modules/staff"
import type StaffModuleService from "../../modules/staff/service"

/**
 * After authenticate("staff"): the token's staff member must still exist and
 * be active (a deactivated or deleted member's tokens stop working at once).
 * Their assigned stores scope every /staff route.
 */
export async function loadStaffMember(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const service: StaffModuleService = req.scope.resolve(STAFF_MODULE)
  const [member] = await service.listStaffMembers({ id: req.auth_context.actor_id })
  if (!member || !member.is_active) {
    return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  }
  ;(req as any).staff_member = member
  next()
}
