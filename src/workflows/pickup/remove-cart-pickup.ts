import { removeShippingMethodFromCartStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deletePickupSelectionStep } from "./steps/delete-pickup-selection"
import { prepareRemoveCartPickupStep } from "./steps/prepare-remove-cart-pickup"

export const removeCartPickupWorkflowId = "remove-cart-pickup"

/** Drops the pickup choice and its shipping method; the shopper picks delivery or another store next. */
export const removeCartPickupWorkflow = createWorkflow(removeCartPickupWorkflowId, (input: { cart_id: string }) => {
  const prepared = prepareRemoveCartPickupStep(input)
  removeShippingMethodFromCartStep(prepared)
  deletePickupSelectionStep(input)
  return new WorkflowResponse(prepared)
})
