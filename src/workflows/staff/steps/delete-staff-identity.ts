import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

export const deleteStaffIdentityStepId = "delete-staff-identity"

/** Deletes the staff member's login (auth identity) if there is one; no compensation: the workflow runs it last. */
export const deleteStaffIdentityStep = createStep(
  deleteStaffIdentityStepId,
  async (input: { auth_identity_id: string | null }, { container }) => {
    if (!input.auth_identity_id) return new StepResponse(null, null)
    const auth = container.resolve(Modules.AUTH)
    const [identity] = await auth.listAuthIdentities({ id: [input.auth_identity_id] })
    if (!identity) return new StepResponse(null, null)
    // Deleted last in the workflow: nothing after it can fail and need it back.
    await auth.deleteAuthIdentities([identity.id])
    return new StepResponse(identity.id, null)
  }
)
