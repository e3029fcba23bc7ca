import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendRedactedNotifications } from "./steps/redact-stored-codes"
import {
  buildPointsEarnedNotificationStep,
  type PointsEarnedNotificationInput,
} from "./steps/build-points-earned-notification"

export const notifyPointsEarnedWorkflowId = "notify-points-earned"

/** Tells the customer about points earned, through the Notification Module (once per ledger entry). */
export const notifyPointsEarnedWorkflow = createWorkflow(
  notifyPointsEarnedWorkflowId,
  (input: PointsEarnedNotificationInput) => {
    const notifications = buildPointsEarnedNotificationStep(input)
    sendRedactedNotifications(notifications)
    return new WorkflowResponse(notifications)
  }
)
