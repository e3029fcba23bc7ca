import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendRedactedNotifications } from "./steps/redact-stored-codes"
import { buildOrderTransferNotificationStep, type OrderTransferNotificationInput } from "./steps/build-order-transfer-notification"

export const notifyOrderTransferWorkflowId = "notify-order-transfer"

/** Emails a guest order's address the link that confirms a transfer to an account (when the app enables it). */
export const notifyOrderTransferWorkflow = createWorkflow(notifyOrderTransferWorkflowId, (input: OrderTransferNotificationInput) => {
  const notifications = buildOrderTransferNotificationStep(input)
  // The provider gets the link; the stored copy keeps neither token nor link.
  sendRedactedNotifications(notifications)
  return new WorkflowResponse(notifications)
})
