import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setStaffPasswordStep } from "./steps/set-staff-password"
import { updateStaffStep } from "./steps/update-staff"
import { validateStaffLocationsStep } from "./steps/validate-staff-locations"

export type UpdateStaffWorkflowInput = {
  id: string
  first_name?: string
  last_name?: string
  /** false: the staff member's tokens stop working at once */
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
  // Last: a password cannot be put back, so nothing may fail after it.
  when({ input }, ({ input }) => !!input.password).then(() => {
    setStaffPasswordStep(transform({ input, staff }, ({ input, staff }) => ({ email: staff.email, password: input.password! })))
  })
  return new WorkflowResponse(staff)
})
