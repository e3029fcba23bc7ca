import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type RoutingModuleService from "../../../modules/routing/service"

export type RecordAllocationInput = {
  order_id: string
  placements: { line_item_id: string; variant_id: string | null; location_id: string; quantity: number }[]
}

export const recordAllocationStepId = "record-order-allocation"

/**
 * Writes which location ships which line of a routed delivery order (what
 * GET /admin/orders/:id/allocation and the desk's "to ship" queue read).
 * Idempotent: a retried completion finds the rows already there.
 */
export const recordAllocationStep = createStep(
  recordAllocationStepId,
  async (input: RecordAllocationInput, { container }) => {
    const routing = container.resolve<RoutingModuleService>(ROUTING_MODULE)
    const existing = await routing.listOrderAllocations({ order_id: input.order_id })
    if (existing.length || !input.placements.length) return new StepResponse(existing, null as string[] | null)
    const created = await routing.createOrderAllocations(
      input.placements.map((p) => ({ order_id: input.order_id, ...p, status: "allocated" as const }))
    )
    return new StepResponse(created, created.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<RoutingModuleService>(ROUTING_MODULE).deleteOrderAllocations(ids)
  }
)
