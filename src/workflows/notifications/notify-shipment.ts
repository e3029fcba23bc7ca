import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendRedactedNotifications } from "./steps/redact-stored-codes"
import { buildShipmentNotificationStep, type ShipmentNotificationInput } from "./steps/build-shipment-notification"

export const notifyShipmentWorkflowId = "notify-shipment"

/** Tells the shopper a parcel left a location, or an item can't be sent, through the Notification Module. */
export const notifyShipmentWorkflow = createWorkflow(notifyShipmentWorkflowId, (input: ShipmentNotificationInput) => {
  const notifications = buildShipmentNotificationStep(input)
  sendRedactedNotifications(notifications)
  return new WorkflowResponse(notifications)
})
