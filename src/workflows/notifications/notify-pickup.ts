import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildPickupNotificationStep, PickupNotificationInput } from "./steps/build-pickup-notification"

export const notifyPickupWorkflowId = "notify-pickup"

/** Emits a pickup event (`pickup.placed`, …) and tells the shopper through the Notification Module. */
export const notifyPickupWorkflow = createWorkflow(notifyPickupWorkflowId, (input: PickupNotificationInput) => {
  const notifications = buildPickupNotificationStep(input)
  sendNotificationsStep(notifications as any)
  emitEventStep({
    eventName: transform({ input }, ({ input }) => input.event),
    data: transform({ input }, ({ input }) => ({ id: input.pickup_id })),
  })
  return new WorkflowResponse(notifications)
})
