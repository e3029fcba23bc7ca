import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"

export type AddAllocationInput = { order_id: string; line_item_id: string; variant_id: string | null; location_id: string; quantity: number }

const OPEN = ["to_ship", "picking", "packed"]

export const addAllocationStepId = "add-order-allocation"

/**
 * A line's new place: its allocation row at the location, and the location's
 * open shipment for the order (created "to_ship" when it has none). Undone by
 * deleting what was created.
 */
export const addAllocationStep = createStep(
  addAllocationStepId,
  async (input: AddAllocationInput, { container }) => {
    const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const [row] = await service.createOrderAllocations([{ ...input, status: "allocated" }])
    const open = await service.listOrderShipments({ order_id: input.order_id, location_id: input.location_id, status: OPEN })
    const shipment = open[0] ?? (await service.createOrderShipments({ order_id: input.order_id, location_id: input.location_id, status: "to_ship" }))
    return new StepResponse(
      { allocation_id: row.id, shipment_id: shipment.id },
      { allocation_id: row.id, created_shipment: open[0] ? null : shipment.id }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    await service.deleteOrderAllocations(undo.allocation_id)
    if (undo.created_shipment) await service.deleteOrderShipments(undo.created_shipment)
  }
)
