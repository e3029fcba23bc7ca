import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildOrderTransferNotificationStep, type OrderTransferNotificationInput } from "./steps/build-order-transfer-notification"

export const notifyOrderTransferWorkflowId = "notify-order-transfer"

/** Emails a guest order's address the link that confirms a transfer to an account (when the app enables it). */
export const notifyOrderTransferWorkflow = createWorkflow(notifyOrderTransferWorkflowId, (input: OrderTransferNotificationInput) => {
  const notifications = buildOrderTransferNotificationStep(input)
  sendNotificationsStep(notifications)
  return new WorkflowResponse(notifications)
})
