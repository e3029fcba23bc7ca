import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PickupStatus, type PickupActor } from "../../modules/pickup/types"
import { transitionPickupStep } from "./steps/transition-pickup"

export type PreparePickupWorkflowInput = { pickup_id: string; actor: PickupActor }

export const preparePickupWorkflowId = "prepare-pickup"

/** placed → preparing: someone at the store has started picking the order. */
export const preparePickupWorkflow = createWorkflow(preparePickupWorkflowId, (input: PreparePickupWorkflowInput) => {
  const { after } = transitionPickupStep(
    transform({ input }, ({ input }) => ({
      pickup_id: input.pickup_id,
      from: [PickupStatus.PLACED],
      to: PickupStatus.PREPARING,
      action: "prepare",
      actor: input.actor,
    }))
  )
  emitEventStep({
    eventName: "pickup.preparing",
    data: transform({ input }, ({ input }) => ({ id: input.pickup_id })),
  })
  const pickupPreparing = createHook("pickupPreparing", { pickup_id: input.pickup_id })
  return new WorkflowResponse(after, { hooks: [pickupPreparing] })
})
