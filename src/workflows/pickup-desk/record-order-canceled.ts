import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ACTIVE_PICKUP_STATUSES, PickupStatus } from "../../modules/pickup/types"
import { transitionPickupStep } from "./steps/transition-pickup"

export const recordPickupOrderCanceledWorkflowId = "record-pickup-order-canceled"

/**
 * The Medusa order was canceled outside the desk (e.g. in the admin's order
 * page): the pickup follows, so no desk hands over a canceled order.
 */
export const recordPickupOrderCanceledWorkflow = createWorkflow(
  recordPickupOrderCanceledWorkflowId,
  (input: { pickup_id: string }) => {
    transitionPickupStep(
      transform({ input }, ({ input }) => ({
        pickup_id: input.pickup_id,
        from: ACTIVE_PICKUP_STATUSES,
        to: PickupStatus.CANCELED,
        action: "cancel",
        actor: { type: "system" as const, id: null },
        data: { canceled_at: new Date(), cancel_reason: "Order canceled" },
        activity: { reason: "Order canceled" },
      }))
    )
    emitEventStep({
      eventName: "pickup.canceled",
      data: transform({ input }, ({ input }) => ({ id: input.pickup_id, reason: "Order canceled" })),
    })
    return new WorkflowResponse(undefined)
  }
)
