import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimExpiryReminderStep } from "./steps/claim-expiry-reminder"

export const remindPickupExpiringWorkflowId = "remind-pickup-expiring"

/** A day before a ready order's hold ends: one reminder (pickup.expiring → notification), once. */
export const remindPickupExpiringWorkflow = createWorkflow(
  remindPickupExpiringWorkflowId,
  (input: { pickup_id: string; now: Date | string }) => {
    const claimed = claimExpiryReminderStep(input)
    when("reminder-claimed", { claimed }, ({ claimed }) => claimed).then(() => {
      emitEventStep({
        eventName: "pickup.expiring",
        data: transform({ input }, ({ input }) => ({ id: input.pickup_id })),
      }).config({ name: "emit-pickup-expiring" })
    })
    return new WorkflowResponse(claimed)
  }
)
