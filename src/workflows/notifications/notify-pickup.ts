import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildPickupNotificationStep, PickupNotificationInput } from "./steps/build-pickup-notification"
import { sendRedactedNotifications } from "./steps/redact-stored-codes"

export const notifyPickupWorkflowId = "notify-pickup"

/**
 * Tells the shopper about a pickup event (placed, ready, collected, …) through
 * the Notification Module; one notification per pickup and event.
 */
export const notifyPickupWorkflow = createWorkflow(notifyPickupWorkflowId, (input: PickupNotificationInput) => {
  const notifications = buildPickupNotificationStep(input)
  // The provider had the code at send time; the stored copy must not keep it.
  sendRedactedNotifications(notifications)
  return new WorkflowResponse(notifications)
})
