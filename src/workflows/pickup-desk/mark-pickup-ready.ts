import {
  createOrderFulfillmentWorkflow,
  deleteReservationsByLineItemsStep,
  emitEventStep,
} from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addDays } from "date-fns"
import { PickupStatus, type PickupActor } from "../../modules/pickup/types"
import { loadPickupStep } from "./steps/load-pickup"
import { readHoldDaysStep } from "./steps/read-hold-days"
import { planReadyItemsStep, READY_FROM, type ReadyItemInput } from "./steps/plan-ready-items"
import { setPickupFulfillmentStep } from "./steps/set-pickup-fulfillment"
import { transitionPickupStep } from "./steps/transition-pickup"

export type MarkPickupReadyWorkflowInput = {
  pickup_id: string
  items?: ReadyItemInput[] | null
  actor: PickupActor
}

export const markPickupReadyWorkflowId = "mark-pickup-ready"

/**
 * placed / preparing → ready (or partially_ready):
 * 1. plan what is ready and what is rejected (400 for a bad split);
 * 2. claim the transition under the pickup's row lock, with expires_at (the
 *    store's hold, else the plugin's defaultHoldDays);
 * 3. Medusa's own order fulfillment at the store, from the order's
 *    reservations there (stock leaves the store's level);
 * 4. release what is left reserved for rejected lines;
 * 5. pickup.ready (the shopper is notified by the pickup-notifications subscriber).
 * A failure in 3–5 compensates 2 (and core compensates its fulfillment).
 */
export const markPickupReadyWorkflow = createWorkflow(markPickupReadyWorkflowId, (input: MarkPickupReadyWorkflowInput) => {
  const { pickup, order } = loadPickupStep({ pickup_id: input.pickup_id })
  const plan = planReadyItemsStep({ pickup, order, items: input.items })
  const holdDays = readHoldDaysStep(transform({ pickup }, ({ pickup }) => ({ location_id: pickup.location_id as string })))

  transitionPickupStep(
    transform({ input, plan, holdDays }, ({ input, plan, holdDays }) => {
      const now = new Date()
      return {
        pickup_id: input.pickup_id,
        from: READY_FROM,
        to: plan.rejected.length ? PickupStatus.PARTIALLY_READY : PickupStatus.READY,
        action: "mark ready",
        actor: input.actor,
        data: { expires_at: addDays(now, holdDays), rejected_items: plan.rejected.length ? plan.rejected : null },
        activity: plan.rejected.length ? { rejected_items: plan.rejected } : null,
      }
    })
  )

  const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
    input: transform({ input, pickup, plan }, ({ input, pickup, plan }) => ({
      order_id: pickup.order_id,
      location_id: pickup.location_id,
      items: plan.fulfil,
      created_by: input.actor.id ?? undefined,
      no_notification: true,
    })),
  })

  const rejectedLineIds = transform({ plan }, ({ plan }) => plan.rejected.map((r) => r.line_item_id))
  when({ rejectedLineIds }, ({ rejectedLineIds }) => rejectedLineIds.length > 0).then(() => {
    deleteReservationsByLineItemsStep(rejectedLineIds)
  })

  setPickupFulfillmentStep(
    transform({ input, fulfillment }, ({ input, fulfillment }) => ({
      pickup_id: input.pickup_id,
      fulfillment_id: fulfillment.id,
    }))
  )
  emitEventStep({
    eventName: "pickup.ready",
    data: transform({ input, plan }, ({ input, plan }) => ({ id: input.pickup_id, partial: plan.rejected.length > 0 })),
  })
  const pickupReady = createHook("pickupReady", { pickup_id: input.pickup_id, fulfillment })
  return new WorkflowResponse(plan, { hooks: [pickupReady] })
})
