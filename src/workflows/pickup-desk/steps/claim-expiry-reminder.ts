import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"

export const claimExpiryReminderStepId = "claim-pickup-expiry-reminder"

/**
 * Claims a ready pickup's expiry reminder (a conditional update: exactly one
 * winner however many job instances race) and records it on the timeline.
 * Compensation releases the claim and removes the timeline row.
 */
export const claimExpiryReminderStep = createStep(
  claimExpiryReminderStepId,
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
