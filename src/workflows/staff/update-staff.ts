import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { revokeStaffSessionsStep } from "./steps/revoke-staff-sessions"
import { setStaffPasswordStep } from "./steps/set-staff-password"
import { updateStaffStep } from "./steps/update-staff"
import { validateStaffLocationsStep } from "./steps/validate-staff-locations"

export type UpdateStaffWorkflowInput = {
  id: string
  first_name?: string
  last_name?: string
  /** false: the staff member's tokens stop working at once, and stay dead if they are reactivated */
  is_active?: boolean
  /** the stores they work at (replaces the list) */
  location_ids?: string[]
  /** a new password (reset by the merchant) */
  password?: string
}

export const updateStaffWorkflowId = "update-staff"

export const updateStaffWorkflow = createWorkflow(updateStaffWorkflowId, (input: UpdateStaffWorkflowInput) => {
  validateStaffLocationsStep({ location_ids: input.location_ids })
  const staff = updateStaffStep(
    transform({ input }, ({ input }) => {
      const { password, ...fields } = input
      return fields
    })
  )
  // A new password or a deactivation ends every token issued so far.
  when("staff-sessions-end", { input }, ({ input }) => !!input.password || input.is_active === false).then(() => {
    revokeStaffSessionsStep({ id: input.id })
  })
  // Last: a password cannot be put back, so nothing may fail after it.
  when("staff-password-reset", { input }, ({ input }) => !!input.password).then(() => {
    setStaffPasswordStep(transform({ input, staff }, ({ input, staff }) => ({ email: staff.email, password: input.password! })))
  })
  return new WorkflowResponse(staff)
})
