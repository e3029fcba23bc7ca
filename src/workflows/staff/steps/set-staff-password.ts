import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export const setStaffPasswordStepId = "set-staff-password"

/** A merchant resets a staff member's password (emailpass provider identity). */
export const setStaffPasswordStep = createStep(
  setStaffPasswordStepId,
  async (input: { email: string; password: string }, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const result = await auth.updateProvider("emailpass", { entity_id: input.email, password: input.password })
    if (!result.success) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `password: ${result.error ?? "could not be changed"}`)
    }
    return new StepResponse(undefined)
  }
)
