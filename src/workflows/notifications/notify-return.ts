import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendRedactedNotifications } from "./steps/redact-stored-codes"
import { buildReturnNotificationStep, type ReturnNotificationInput } from "./steps/build-return-notification"

export const notifyReturnWorkflowId = "notify-return"

/** Tells the shopper a shop took lines of their order back, and what was refunded. */
export const notifyReturnWorkflow = createWorkflow(notifyReturnWorkflowId, (input: ReturnNotificationInput) => {
  const notifications = buildReturnNotificationStep(input)
  sendRedactedNotifications(notifications)
  return new WorkflowResponse(notifications)
})
