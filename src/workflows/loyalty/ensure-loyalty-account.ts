import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureLoyaltyAccountStep } from "./steps/ensure-account"

export const ensureLoyaltyAccountWorkflowId = "ensure-loyalty-account"

/** The customer's loyalty account, created with its member code on first use. */
export const ensureLoyaltyAccountWorkflow = createWorkflow(ensureLoyaltyAccountWorkflowId, (input: { customer_id: string }) => {
  return new WorkflowResponse(ensureLoyaltyAccountStep(input))
})
