import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../modules/staff"
import type { IStaffModuleService } from "../../types/modules"
import type { InferTypeOf } from "@medusajs/framework/types"
import { StaffMember } from "../../modules/staff/models/staff-member"

export type StaffMemberRow = InferTypeOf<typeof StaffMember>

/** A /staff request after loadStaffMember: the member the token speaks for. */
export type StaffRequest<Body = unknown> = AuthenticatedMedusaRequest<Body> & { staff_member: StaffMemberRow }

/** The member loadStaffMember put on the request. */
export const staffMemberOf = (req: AuthenticatedMedusaRequest) => (req as StaffRequest).staff_member

/**
 * The staff member a token speaks for, if the token may still do so: the
 * member exists, is active, and the token was issued at their current session
 * version (a password reset or a deactivation raises it; see
 * revokeStaffSessionsStep). Tokens from before versions existed carry none: 0.
 */
async function currentStaffMember(req: AuthenticatedMedusaRequest) {
  const service: IStaffModuleService = req.scope.resolve(STAFF_MODULE)
  const [member] = await service.listStaffMembers({ id: req.auth_context.actor_id })
  const tokenVersion = Number(req.auth_context.app_metadata?.staff_session ?? 0)
  return member && member.is_active && tokenVersion === member.session_version ? member : null
}

/**
 * After authenticate("staff"): the token's staff member, or 401 (deleted,
 * deactivated, or a token from before their password was reset). Their
 * assigned stores scope every /staff route.
 */
export async function loadStaffMember(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const member = await currentStaffMember(req)
  if (!member) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  ;(req as StaffRequest).staff_member = member
  next()
}

/**
 * On Medusa's POST /auth/token/refresh: a staff token that no longer opens
 * /staff gets no fresh one either (Medusa's route re-reads the auth identity,
 * so it would otherwise hand a revoked token the current version).
 */
export async function refuseRevokedStaffRefresh(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.auth_context?.actor_type !== "staff" || !req.auth_context.actor_id) return next()
  if (!(await currentStaffMember(req))) return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized"))
  next()
}
