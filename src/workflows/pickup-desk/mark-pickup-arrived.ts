import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ACTIVE_PICKUP_STATUSES, type PickupActor } from "../../modules/pickup/types"
import { transitionPickupStep } from "./steps/transition-pickup"

export type MarkPickupArrivedWorkflowInput = { pickup_id: string; note?: string | null; actor: PickupActor }

export const markPickupArrivedWorkflowId = "mark-pickup-arrived"

/** The shopper is at the store (curbside: "blue car, bay 3"): the desk's queue shows them first. */
export const markPickupArrivedWorkflow = createWorkflow(
  markPickupArrivedWorkflowId,
  (input: MarkPickupArrivedWorkflowInput) => {
    const { after } = transitionPickupStep(
      transform({ input }, ({ input }) => ({
        pickup_id: input.pickup_id,
        from: ACTIVE_PICKUP_STATUSES,
        to: null,
        action: "arrived",
        actor: input.actor,
        data: { arrived_at: new Date(), arrival_note: input.note ?? null },
        activity: input.note ? { note: input.note } : null,
      }))
    )
    emitEventStep({
      eventName: "pickup.arrived",
      data: transform({ input }, ({ input }) => ({ id: input.pickup_id })),
    })
    return new WorkflowResponse(after)
  }
)
