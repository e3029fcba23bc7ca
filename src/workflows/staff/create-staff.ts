import { setAuthAppMetadataStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createStaffStep } from "./steps/create-staff"
import { registerStaffIdentityStep } from "./steps/register-staff-identity"
import { validateStaffLocationsStep } from "./steps/validate-staff-locations"

export type CreateStaffWorkflowInput = {
  email: string
  password: string
  first_name: string
  last_name: string
  location_ids?: string[]
}

export const createStaffWorkflowId = "create-staff"

/**
 * A merchant creates a staff member: their login (emailpass identity for the
 * `staff` actor type), the staff record, and the identity's `staff_id` so that
 * POST /auth/staff/emailpass issues a staff token.
 */
export const createStaffWorkflow = createWorkflow(createStaffWorkflowId, (input: CreateStaffWorkflowInput) => {
  const locationIds = validateStaffLocationsStep({ location_ids: input.location_ids })
  const identity = registerStaffIdentityStep({ email: input.email, password: input.password })
  const staff = createStaffStep(
    transform({ input, identity, locationIds }, ({ input, identity, locationIds }) => ({
      email: input.email,
      first_name: input.first_name,
      last_name: input.last_name,
      location_ids: locationIds,
      auth_identity_id: identity.id,
    }))
  )
  setAuthAppMetadataStep({ authIdentityId: identity.id, actorType: "staff", value: staff.id })
  const staffCreated = createHook("staffCreated", { staff })
  return new WorkflowResponse(staff, { hooks: [staffCreated] })
})
