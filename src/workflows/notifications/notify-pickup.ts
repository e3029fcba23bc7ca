import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildPickupNotificationStep, PickupNotificationInput } from "./steps/build-pickup-notification"
import { redactStoredCodesStep } from "./steps/redact-stored-codes"

export const notifyPickupWorkflowId = "notify-pickup"

/**
 * Tells the shopper about a pickup event (placed, ready, collected, …) through
 * the Notification Module; one notification per pickup and event.
 */
export const notifyPickupWorkflow = createWorkflow(notifyPickupWorkflowId, (input: PickupNotificationInput) => {
  const notifications = buildPickupNotificationStep(input)
  const sent = sendNotificationsStep(notifications)
  // The provider had the code at send time; the stored copy must not keep it.
  redactStoredCodesStep(transform({ sent }, ({ sent }) => ({ ids: (sent ?? []).map((n) => n.id) })))
  return new WorkflowResponse(notifications)
})
