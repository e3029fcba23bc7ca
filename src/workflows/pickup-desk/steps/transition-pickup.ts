import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import type { PickupActor, PickupStatus } from "../../../modules/pickup/types"

export type TransitionPickupStepInput = {
  pickup_id: string
  /** statuses the pickup may be in; anything else is a 409 naming its status */
  from: PickupStatus[]
  /** new status, or null to keep it (e.g. "arrived") */
  to: PickupStatus | null
  /** what the desk calls it: "prepare", "collect", … (message and timeline) */
  action: string
  actor: PickupActor
  data?: Record<string, unknown>
  /** extra detail for the timeline entry */
  activity?: Record<string, unknown> | null
}

const TIMESTAMPS = ["created_at", "updated_at", "deleted_at"]

export const transitionPickupStepId = "transition-pickup"

/**
 * The one place a pickup's status changes: under a row lock, only from the
 * allowed statuses, with a timeline entry naming who did it. Compensation puts
 * every field back and removes the timeline entry.
 */
export const transitionPickupStep = createStep(
  transitionPickupStepId,
  async (input: TransitionPickupStepInput, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const { before, after, activity_id } = await service.transitionPickup(
      input.pickup_id,
      input.from,
      (input.to ?? undefined),
      input.data ?? {},
      input.action,
      {
        actor_type: input.actor.type,
        actor_id: input.actor.id,
        data: input.activity ?? null,
      }
    )
    return new StepResponse({ before, after }, { before, activity_id })
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const previous = Object.fromEntries(
      Object.entries(compensation.before as Record<string, unknown>).filter(([k]) => !TIMESTAMPS.includes(k))
    )
    await service.updatePickupOrders(previous)
    if (compensation.activity_id) await service.deletePickupActivities(compensation.activity_id)
  }
)
