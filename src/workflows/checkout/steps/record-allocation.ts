import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"

export type RecordAllocationInput = {
  order_id: string
  placements: { line_item_id: string; variant_id: string | null; location_id: string; quantity: number }[]
}

type Created = { allocations: string[]; shipments: string[] }

export const recordAllocationStepId = "record-order-allocation"

/**
 * Writes which location ships which line of a routed delivery order (what
 * GET /admin/orders/:id/allocation reads), and one "to ship" shipment per
 * location (the desk's second queue). Idempotent: a retried completion finds
 * the rows already there.
 */
export const recordAllocationStep = createStep(
  recordAllocationStepId,
  async (input: RecordAllocationInput, { container }) => {
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const existing = await routing.listOrderAllocations({ order_id: input.order_id })
    if (existing.length || !input.placements.length) return new StepResponse(existing, null as Created | null)
    const created = await routing.createOrderAllocations(
      input.placements.map((p) => ({ order_id: input.order_id, ...p, status: "allocated" as const }))
    )
    const shipments = await routing.createOrderShipments(
      [...new Set(input.placements.map((p) => p.location_id))].map((location_id) => ({ order_id: input.order_id, location_id, status: "to_ship" as const }))
    )
    return new StepResponse(created, { allocations: created.map((c) => c.id), shipments: shipments.map((s) => s.id) })
  },
  async (created, { container }) => {
    if (!created) return
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    await routing.deleteOrderAllocations(created.allocations)
    await routing.deleteOrderShipments(created.shipments)
  }
)
