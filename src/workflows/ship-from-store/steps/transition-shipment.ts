import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"
import type { PickupActor } from "../../../modules/pickup/types"

export type ShipmentStatus = "to_ship" | "picking" | "packed" | "shipped" | "canceled"

export type TransitionShipmentInput = {
  shipment_id: string
  from: ShipmentStatus[]
  /** the new status, or undefined to keep it (a line rejected) */
  to?: ShipmentStatus
  action: string
  actor: PickupActor
  data?: Record<string, unknown>
  activity?: Record<string, unknown> | null
}

const TIMESTAMPS = ["created_at", "updated_at", "deleted_at"]

export const transitionShipmentStepId = "transition-shipment"

/** The one place a shipment's status changes (row lock, allowed statuses, timeline); compensation puts it back. */
export const transitionShipmentStep = createStep(
  transitionShipmentStepId,
  async (input: TransitionShipmentInput, { container }) => {
    const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const { before, after, activity_id } = await service.transitionShipment(
      input.shipment_id,
      input.from,
      input.to,
      input.data ?? {},
      input.action,
      { actor_type: input.actor.type, actor_id: input.actor.id, data: input.activity ?? null }
    )
    return new StepResponse({ before, after }, { before, activity_id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const previous = Object.fromEntries(Object.entries(undo.before as Record<string, unknown>).filter(([k]) => !TIMESTAMPS.includes(k)))
    await service.updateOrderShipments(previous)
    await service.deleteShipmentActivities(undo.activity_id)
  }
)
