import {
  acquireLockStep,
  beginOrderEditOrderWorkflow,
  capturePaymentWorkflow,
  confirmOrderEditRequestWorkflow,
  deleteReservationsByLineItemsStep,
  emitEventStep,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentWorkflow,
  releaseLockStep,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PickupActor } from "../../modules/pickup/types"
import { placeReservationsStep } from "../checkout/steps/place-reservations"
import { addAllocationStep } from "./steps/add-allocation"
import { closeEmptyShipmentStep } from "./steps/close-empty-shipment"
import { loadShipmentStep } from "./steps/load-shipment"
import { planLineSettlementStep } from "./steps/plan-line-settlement"
import { planReallocationStep } from "./steps/plan-reallocation"
import { transitionShipmentStep } from "./steps/transition-shipment"
import { updateAllocationsStep } from "./steps/update-allocations"

export type RejectShipmentLineInput = { shipment_id: string; line_item_id: string; reason: string; actor: PickupActor }

export const rejectShipmentLineWorkflowId = "reject-shipment-line"

/**
 * A location can't find a line it was to ship:
 * 1. where it goes next, by the channel's routing rules, among the other
 *    locations that can ship it whole (404 if the line isn't this location's);
 * 2. the rejection on the shipment's timeline, under its row lock (409 once
 *    shipped);
 * 3. moved: its reservation replaced at the next location (the old one given
 *    back), its row here `rejected` with the reason, a row and an open
 *    shipment there; or, when nowhere has it, `unavailable`: its reservation
 *    released; an authorized payment captured for the order without the
 *    line; the line taken off the order with Medusa's own order edit
 *    (begin, quantity 0, request, confirm: the order's total drops);
 * 4. a shipment left with nothing to ship is canceled;
 * 5. for an unavailable line whose payment was already captured, the line's
 *    value refunded with Medusa's refund workflow, and
 *    `shipment.line_unavailable` tells the shopper.
 * Under a lock per order, so two stores settling lines of one order take turns.
 * A failure compensates every step before it.
 */
export const rejectShipmentLineWorkflow = createWorkflow(rejectShipmentLineWorkflowId, (input: RejectShipmentLineInput) => {
  const loaded = loadShipmentStep({ shipment_id: input.shipment_id })
  // One settlement of this order at a time (two stores turning lines down at once).
  const orderLock = transform({ loaded }, ({ loaded }) => `omnichannel:order-settlement:${loaded.shipment.order_id}`)
  acquireLockStep({ key: orderLock, timeout: 30, ttl: 120 })
  const plan = planReallocationStep(transform({ loaded, input }, ({ loaded, input }) => ({ loaded, line_item_id: input.line_item_id })))
  transitionShipmentStep(
    transform({ input, plan }, ({ input, plan }) => ({
      shipment_id: input.shipment_id,
      from: ["to_ship" as const, "picking" as const, "packed" as const],
      action: "reject line",
      actor: input.actor,
      activity: {
        line_item_id: input.line_item_id,
        quantity: plan.row.quantity,
        reason: input.reason,
        moved_to: plan.target?.location_id ?? null,
      },
    }))
  )

  when("line-moves", { plan }, ({ plan }) => !!plan.target).then(() => {
    placeReservationsStep(
      transform({ plan }, ({ plan }) => ({
        placements: [{ line_item_id: plan.row.line_item_id, location_id: plan.target!.location_id }],
        floors: [plan.target!],
      }))
    )
    updateAllocationsStep(transform({ plan, input }, ({ plan, input }) => [{ id: plan.row.id, status: "rejected" as const, reason: input.reason }]))
    addAllocationStep(
      transform({ plan, loaded }, ({ plan, loaded }) => ({
        order_id: loaded.shipment.order_id,
        line_item_id: plan.row.line_item_id,
        variant_id: plan.row.variant_id,
        location_id: plan.target!.location_id,
        quantity: plan.row.quantity,
      }))
    )
  })

  // What the payment owes once the line is off, read before the edit.
  const settlement = planLineSettlementStep(
    transform({ loaded, plan }, ({ loaded, plan }) => ({
      order_id: plan.target ? null : loaded.shipment.order_id,
      line_item_id: plan.row.line_item_id,
      quantity: plan.row.quantity,
    }))
  )

  when("line-unavailable", { plan }, ({ plan }) => !plan.target).then(() => {
    deleteReservationsByLineItemsStep(transform({ plan }, ({ plan }) => [plan.row.line_item_id]))
    updateAllocationsStep(
      transform({ plan, input }, ({ plan, input }) => [{ id: plan.row.id, status: "unavailable" as const, reason: input.reason }])
    ).config({ name: "mark-line-unavailable" })
  })

  // An authorized payment is captured for the order without the line before
  // the edit: Medusa's edit of an order whose payment is only authorized
  // cancels the authorization and opens a new collection for the shopper to pay.
  when("capture-without-line", { settlement }, ({ settlement }) => !!settlement.capture).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ settlement, input }, ({ settlement, input }) => ({
        payment_id: settlement.capture!.payment_id,
        amount: settlement.capture!.amount,
        captured_by: input.actor.id ?? undefined,
      })),
    })
  })

  when("take-line-off-order", { plan }, ({ plan }) => !plan.target).then(() => {
    const orderId = transform({ loaded }, ({ loaded }) => loaded.shipment.order_id)
    const by = transform({ input }, ({ input }) => input.actor.id ?? undefined)
    beginOrderEditOrderWorkflow.runAsStep({
      input: transform({ orderId, by, input }, ({ orderId, by, input }) => ({
        order_id: orderId,
        created_by: by,
        description: "Item no location could send",
        internal_note: input.reason,
      })),
    })
    orderEditUpdateItemQuantityWorkflow.runAsStep({
      input: transform({ orderId, plan }, ({ orderId, plan }) => ({ order_id: orderId, items: [{ id: plan.row.line_item_id, quantity: 0 }] })),
    })
    requestOrderEditRequestWorkflow.runAsStep({ input: transform({ orderId, by }, ({ orderId, by }) => ({ order_id: orderId, requested_by: by })) })
    confirmOrderEditRequestWorkflow.runAsStep({ input: transform({ orderId, by }, ({ orderId, by }) => ({ order_id: orderId, confirmed_by: by })) })
  })

  closeEmptyShipmentStep(transform({ input }, ({ input }) => ({ shipment_id: input.shipment_id, actor: input.actor })))

  // Last, as a refund can't be taken back: a captured payment gives back the
  // line's value (core's refund emits payment.refunded: the points follow).
  when("refund-unavailable-line", { settlement }, ({ settlement }) => !!settlement.refund).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ settlement, input }, ({ settlement, input }) => ({
        payment_id: settlement.refund!.payment_id,
        amount: settlement.refund!.amount,
        created_by: input.actor.id ?? undefined,
        note: `Unavailable: ${input.reason}`,
      })),
    })
  })
  when("tell-line-unavailable", { plan }, ({ plan }) => !plan.target).then(() => {
    emitEventStep({
      eventName: "shipment.line_unavailable",
      data: transform({ plan, loaded, settlement }, ({ plan, loaded, settlement }) => ({
        order_id: loaded.shipment.order_id,
        line_item_id: plan.row.line_item_id,
        quantity: plan.row.quantity,
        // Read before the order edit took the line off.
        title: plan.title,
        refunded_amount: settlement.refund?.amount ?? 0,
      })),
    })
  })
  releaseLockStep({ key: orderLock }).config({ name: "release-order-settlement-lock" })

  return new WorkflowResponse(
    transform({ plan, settlement }, ({ plan, settlement }) => ({
      ...plan,
      refunded_amount: settlement.refund?.amount ?? 0,
    }))
  )
})
