import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteStaffStep } from "./steps/delete-staff"
import { deleteStaffIdentityStep } from "./steps/delete-staff-identity"

export const deleteStaffWorkflowId = "delete-staff"

export const deleteStaffWorkflow = createWorkflow(deleteStaffWorkflowId, (input: { id: string }) => {
  const staff = deleteStaffStep(input)
  deleteStaffIdentityStep(transform({ staff }, ({ staff }) => ({ auth_identity_id: staff.auth_identity_id ?? null })))
  return new WorkflowResponse(staff)
})
