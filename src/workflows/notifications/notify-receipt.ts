import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendRedactedNotifications } from "./steps/redact-stored-codes"
import { buildReceiptNotificationStep } from "./steps/build-receipt-notification"

export const notifyReceiptWorkflowId = "notify-receipt"

/** Emails a till sale's receipt through the Notification Module. */
export const notifyReceiptWorkflow = createWorkflow(notifyReceiptWorkflowId, (input: { order_id: string }) => {
  const notifications = buildReceiptNotificationStep(input)
  sendRedactedNotifications(notifications)
  return new WorkflowResponse(notifications)
})
