import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { verifyPickupCodeStep, type VerifyPickupCodeInput } from "./steps/verify-pickup-code"

export const verifyPickupCodeWorkflowId = "verify-pickup-code"

/** The desk's scan or typed code: the store's pickup with that code (404), rate-limited (429). */
export const verifyPickupCodeWorkflow = createWorkflow(verifyPickupCodeWorkflowId, (input: VerifyPickupCodeInput) => {
  return new WorkflowResponse(verifyPickupCodeStep(input))
})
