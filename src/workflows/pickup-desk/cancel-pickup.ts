import { cancelOrderFulfillmentWorkflow, cancelOrderWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ACTIVE_PICKUP_STATUSES, PickupStatus, type PickupActor } from "../../modules/pickup/types"
import { loadPickupStep } from "./steps/load-pickup"
import { transitionPickupStep } from "./steps/transition-pickup"

export type CancelPickupWorkflowInput = {
  pickup_id: string
  reason: string
  actor: PickupActor
  /** the hold period ran out (the expiry job): status expired, event pickup.expired */
  expire?: boolean
}

export const EXPIRE_FROM = [PickupStatus.READY, PickupStatus.PARTIALLY_READY]

export const cancelPickupWorkflowId = "cancel-pickup"

/**
 * Any active status → canceled (or ready → expired, from the job):
 * 1. claim the transition under the row lock;
 * 2. cancel the store's fulfillment if one was made (stock back on the shelf);
 * 3. Medusa's cancelOrderWorkflow: reservations released, authorized payment
 *    voided or captured payment refunded, order canceled;
 * 4. pickup.canceled / pickup.expired.
 */
export const cancelPickupWorkflow = createWorkflow(cancelPickupWorkflowId, (input: CancelPickupWorkflowInput) => {
  const { pickup, order } = loadPickupStep({ pickup_id: input.pickup_id })

  transitionPickupStep(
    transform({ input }, ({ input }) => ({
      pickup_id: input.pickup_id,
      from: input.expire ? EXPIRE_FROM : ACTIVE_PICKUP_STATUSES,
      to: input.expire ? PickupStatus.EXPIRED : PickupStatus.CANCELED,
      action: input.expire ? "expire" : "cancel",
      actor: input.actor,
      data: { canceled_at: new Date(), cancel_reason: input.reason },
      activity: { reason: input.reason },
    }))
  )

  const fulfillmentId = transform({ pickup, order }, ({ pickup, order }) => {
    const f = (order.fulfillments ?? []).find((f) => f?.id === pickup.fulfillment_id)
    return f && !f.canceled_at ? f.id : null
  })
  when({ fulfillmentId }, ({ fulfillmentId }) => !!fulfillmentId).then(() => {
    cancelOrderFulfillmentWorkflow.runAsStep({
      input: transform({ pickup, fulfillmentId, input }, ({ pickup, fulfillmentId, input }) => ({
        order_id: pickup.order_id,
        fulfillment_id: fulfillmentId!,
        canceled_by: input.actor.id ?? undefined,
        no_notification: true,
      })),
    })
  })

  cancelOrderWorkflow.runAsStep({
    input: transform({ pickup, input }, ({ pickup, input }) => ({
      order_id: pickup.order_id,
      canceled_by: input.actor.id ?? undefined,
    })),
  })

  emitEventStep({
    eventName: transform({ input }, ({ input }) => (input.expire ? "pickup.expired" : "pickup.canceled")),
    data: transform({ input }, ({ input }) => ({ id: input.pickup_id, reason: input.reason })),
  })
  const pickupCanceled = createHook("pickupCanceled", { pickup_id: input.pickup_id, expired: input.expire })
  return new WorkflowResponse(undefined, { hooks: [pickupCanceled] })
})
