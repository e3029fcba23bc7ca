import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { STAFF_MODULE } from "../../../modules/staff"
import type { IStaffModuleService } from "../../../types/modules"

export const revokeStaffSessionsStepId = "revoke-staff-sessions"

type Revoked = { id: string; auth_identity_id: string | null; previous: number; app_metadata: Record<string, unknown> | null }

/**
 * Ends every token a staff member holds: raises their session version and
 * writes it into their auth identity's app_metadata (`staff_session`), which
 * Medusa copies into each token it issues from then on. loadStaffMember (and
 * the refresh guard) refuse a token whose version is not the current one.
 * Compensation puts both back.
 */
export const revokeStaffSessionsStep = createStep(
  revokeStaffSessionsStepId,
  async (input: { id: string }, { container }) => {
    const service: IStaffModuleService = container.resolve(STAFF_MODULE)
    const [member] = await service.listStaffMembers({ id: input.id })
    if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Staff member with id: ${input.id} was not found`)
    const next = member.session_version + 1
    let appMetadata: Record<string, unknown> | null = null
    if (member.auth_identity_id) {
      const auth = container.resolve(Modules.AUTH)
      const identity = await auth.retrieveAuthIdentity(member.auth_identity_id)
      appMetadata = (identity.app_metadata ?? null) as Record<string, unknown> | null
      await auth.updateAuthIdentities({
        id: member.auth_identity_id,
        app_metadata: { ...(appMetadata ?? {}), staff_session: next },
      })
    }
    await service.updateStaffMembers({ id: member.id, session_version: next })
    const revoked: Revoked = {
      id: member.id,
      auth_identity_id: member.auth_identity_id,
      previous: member.session_version,
      app_metadata: appMetadata,
    }
    return new StepResponse(next, revoked)
  },
  async (revoked, { container }) => {
    if (!revoked) return
    await container.resolve<IStaffModuleService>(STAFF_MODULE).updateStaffMembers({ id: revoked.id, session_version: revoked.previous })
    if (revoked.auth_identity_id) {
      await container.resolve(Modules.AUTH).updateAuthIdentities({ id: revoked.auth_identity_id, app_metadata: revoked.app_metadata ?? {} })
    }
  }
)
