import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PickupActor } from "../../modules/pickup/types"
import { transitionShipmentStep, type ShipmentStatus } from "./steps/transition-shipment"

const STEPS = {
  pick: { from: ["to_ship"], to: "picking" },
  pack: { from: ["picking"], to: "packed" },
} as const satisfies Record<string, { from: ShipmentStatus[]; to: ShipmentStatus }>

export type AdvanceShipmentInput = { shipment_id: string; action: keyof typeof STEPS; actor: PickupActor }

export const advanceShipmentWorkflowId = "advance-shipment"

/** to_ship → picking ("pick"), picking → packed ("pack"); a 409 naming the status otherwise. */
export const advanceShipmentWorkflow = createWorkflow(advanceShipmentWorkflowId, (input: AdvanceShipmentInput) => {
  const result = transitionShipmentStep(
    transform({ input }, ({ input }) => ({
      shipment_id: input.shipment_id,
      from: [...STEPS[input.action].from],
      to: STEPS[input.action].to,
      action: input.action,
      actor: input.actor,
    }))
  )
  return new WorkflowResponse(result)
})
