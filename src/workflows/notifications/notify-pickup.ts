import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildPickupNotificationStep, PickupNotificationInput } from "./steps/build-pickup-notification"

export const notifyPickupWorkflowId = "notify-pickup"

/**
 * Tells the shopper about a pickup event (placed, ready, collected, …) through
 * the Notification Module; one notification per pickup and event.
 */
export const notifyPickupWorkflow = createWorkflow(notifyPickupWorkflowId, (input: PickupNotificationInput) => {
  const notifications = buildPickupNotificationStep(input)
  sendNotificationsStep(notifications as any)
  return new WorkflowResponse(notifications)
})
