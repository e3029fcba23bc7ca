import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"

type Row = { id: string; status: "allocated" | "shipped" | "rejected" | "unavailable"; reason?: string | null }

export const updateAllocationsStepId = "update-order-allocations"

/** Sets allocation rows' status (and reason); the compensation puts back what they were. */
export const updateAllocationsStep = createStep(
  updateAllocationsStepId,
  async (rows: Row[], { container }) => {
    const service = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    if (!rows.length) return new StepResponse([] as string[], [] as Row[])
    const before = await service.listOrderAllocations({ id: rows.map((r) => r.id) })
    await service.updateOrderAllocations(rows.map((r) => ({ id: r.id, status: r.status, ...(r.reason !== undefined ? { reason: r.reason } : {}) })))
    return new StepResponse(rows.map((r) => r.id), before.map((b) => ({ id: b.id, status: b.status, reason: b.reason })) as Row[])
  },
  async (before, { container }) => {
    if (!before?.length) return
    await container.resolve<IRoutingModuleService>(ROUTING_MODULE).updateOrderAllocations(before)
  }
)
