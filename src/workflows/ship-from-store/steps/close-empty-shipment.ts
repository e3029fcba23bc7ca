import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"
import type { PickupActor } from "../../../modules/pickup/types"

export const closeEmptyShipmentStepId = "close-empty-shipment"

/** A shipment left with nothing to ship is canceled (its card leaves the desk); compensation reopens it. */
export const closeEmptyShipmentStep = createStep(
  closeEmptyShipmentStepId,
  async (input: { shipment_id: string; actor: PickupActor }, { container }) => {
    const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const [shipment] = await service.listOrderShipments({ id: input.shipment_id })
    const left = await service.listOrderAllocations({ order_id: shipment.order_id, location_id: shipment.location_id, status: "allocated" })
    if (left.length || !["to_ship", "picking", "packed"].includes(shipment.status)) return new StepResponse(false, null)
    const { before, activity_id } = await service.transitionShipment(
      shipment.id,
      ["to_ship", "picking", "packed"],
      "canceled",
      {},
      "cancel",
      { actor_type: input.actor.type, actor_id: input.actor.id, data: { reason: "nothing left to ship here" } }
    )
    return new StepResponse(true, { id: shipment.id, status: before.status, activity_id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    await service.updateOrderShipments({ id: undo.id, status: undo.status })
    await service.deleteShipmentActivities(undo.activity_id)
  }
)
