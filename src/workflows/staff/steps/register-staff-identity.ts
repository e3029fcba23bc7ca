import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export const registerStaffIdentityStepId = "register-staff-identity"

/**
 * The staff member's login: an emailpass auth identity. An email that already
 * logs someone in (an admin user, a customer, another staff member) is a 409:
 * the staff password must not change, or share, anyone else's.
 */
export const registerStaffIdentityStep = createStep(
  registerStaffIdentityStepId,
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const result = await auth.register("emailpass", { body: { email: input.email, password: input.password } })
    if (!result.success || !result.authIdentity) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `email: ${input.email} already has a login (admin, customer or staff); use another email for this staff member`
      )
    }
    return new StepResponse(result.authIdentity, result.authIdentity.id)
  },
  async (authIdentityId, { container }) => {
    if (!authIdentityId) return
    await container.resolve(Modules.AUTH).deleteAuthIdentities([authIdentityId])
  }
)
