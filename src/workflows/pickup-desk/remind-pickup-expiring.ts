import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../modules/pickup"
import type { IPickupModuleService } from "../../types/modules"

/**
 * Claims a ready pickup's expiry reminder (a conditional update: exactly one
 * winner however many job instances race) and records it on the timeline.
 * Compensation releases the claim and removes the timeline row.
 */
export const claimExpiryReminderStep = createStep(
  "claim-pickup-expiry-reminder",
  async (input: { pickup_id: string; now: Date | string }, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    if (!(await service.claimExpiryReminder(input.pickup_id, new Date(input.now)))) {
      return new StepResponse(false, null)
    }
    const [activity] = await service.createPickupActivities([
      { pickup_id: input.pickup_id, action: "reminder_sent", actor_type: "system", actor_id: null },
    ])
    return new StepResponse(true, { pickup_id: input.pickup_id, activity_id: activity.id as string })
  },
  async (claimed, { container }) => {
    if (!claimed) return
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    await service.deletePickupActivities([claimed.activity_id])
    await service.updatePickupOrders({ id: claimed.pickup_id, reminder_sent_at: null })
  }
)

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
