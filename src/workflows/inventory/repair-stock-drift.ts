import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { repairStockDriftStep, type RepairStockDriftInput } from "./steps/repair-stock-drift"

export const repairStockDriftWorkflowId = "repair-stock-drift"

/**
 * Brings every drifted inventory level (reserved quantity ≠ its live
 * reservations) back to its reservations. For shops that ran on the Medusa
 * 2.21 reservation move (see docs/ARCHITECTURE.md, "Exact stock").
 */
export const repairStockDriftWorkflow = createWorkflow(repairStockDriftWorkflowId, (input: RepairStockDriftInput) => {
  const repaired = repairStockDriftStep(input)
  return new WorkflowResponse(repaired)
})
