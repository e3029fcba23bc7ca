import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"

export type LoadedShipment = {
  shipment: { id: string; order_id: string; location_id: string; status: string }
  /** the lines this location still ships (allocation rows `allocated` here) */
  lines: { id: string; line_item_id: string; variant_id: string | null; quantity: number }[]
}

export const loadShipmentStepId = "load-shipment"

/** A shipment and the order lines its location still has to ship. */
export const loadShipmentStep = createStep(loadShipmentStepId, async (input: { shipment_id: string }, { container }) => {
  const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
  const [shipment] = await service.listOrderShipments({ id: input.shipment_id })
  if (!shipment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment with id: ${input.shipment_id} was not found`)
  const rows = await service.listOrderAllocations({ order_id: shipment.order_id, location_id: shipment.location_id, status: "allocated" })
  return new StepResponse<LoadedShipment>({
    shipment: { id: shipment.id, order_id: shipment.order_id, location_id: shipment.location_id, status: shipment.status },
    lines: rows.map((r) => ({ id: r.id, line_item_id: r.line_item_id, variant_id: r.variant_id, quantity: r.quantity })),
  })
})
