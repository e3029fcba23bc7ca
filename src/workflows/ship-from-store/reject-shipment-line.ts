import {
  beginOrderEditOrderWorkflow,
  confirmOrderEditRequestWorkflow,
  deleteReservationsByLineItemsStep,
  emitEventStep,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentsWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentEvents } from "@medusajs/framework/utils"
import type { PickupActor } from "../../modules/pickup/types"
import { placeReservationsStep } from "../checkout/steps/place-reservations"
import { addAllocationStep } from "./steps/add-allocation"
import { closeEmptyShipmentStep } from "./steps/close-empty-shipment"
import { loadShipmentStep } from "./steps/load-shipment"
import { planLineRefundStep } from "./steps/plan-line-refund"
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
 *    released, the line taken off the order with Medusa's own order edit
 *    (begin, quantity 0, request, confirm: the order's total drops);
 * 4. a shipment left with nothing to ship is canceled;
 * 5. for an unavailable line, what was captured beyond the new total is
 *    refunded with Medusa's refund workflow (an uncaptured payment is
 *    captured for less), and `shipment.line_unavailable` tells the shopper.
 * A failure compensates every step before it.
 */
export const rejectShipmentLineWorkflow = createWorkflow(rejectShipmentLineWorkflowId, (input: RejectShipmentLineInput) => {
  const loaded = loadShipmentStep({ shipment_id: input.shipment_id })
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

  when("line-unavailable", { plan }, ({ plan }) => !plan.target).then(() => {
    deleteReservationsByLineItemsStep(transform({ plan }, ({ plan }) => [plan.row.line_item_id]))
    updateAllocationsStep(
      transform({ plan, input }, ({ plan, input }) => [{ id: plan.row.id, status: "unavailable" as const, reason: input.reason }])
    ).config({ name: "mark-line-unavailable" })
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

  // Last, as a refund can't be taken back: what was captured for a line no
  // location has goes back to the shopper (a moved line refunds nothing).
  const refunds = planLineRefundStep(
    transform({ loaded, input, plan }, ({ loaded, input, plan }) => ({
      order_id: plan.target ? null : loaded.shipment.order_id,
      created_by: input.actor.id ?? undefined,
      reason: `Unavailable: ${input.reason}`,
    }))
  )
  when("refund-unavailable-line", { refunds }, ({ refunds }) => refunds.length > 0).then(() => {
    refundPaymentsWorkflow.runAsStep({ input: refunds })
    // Core's refundPaymentsWorkflow, unlike refundPaymentWorkflow, emits no
    // event; subscribers of refunds (the loyalty reversal) listen for this one.
    emitEventStep({
      eventName: PaymentEvents.REFUNDED,
      data: transform({ refunds }, ({ refunds }) => refunds.map((r) => ({ id: r.payment_id }))),
    }).config({ name: "emit-payment-refunded" })
  })
  when("tell-line-unavailable", { plan }, ({ plan }) => !plan.target).then(() => {
    emitEventStep({
      eventName: "shipment.line_unavailable",
      data: transform({ plan, loaded, refunds }, ({ plan, loaded, refunds }) => ({
        order_id: loaded.shipment.order_id,
        line_item_id: plan.row.line_item_id,
        quantity: plan.row.quantity,
        // Read before the order edit took the line off.
        title: plan.title,
        refunded_amount: refunds.reduce((total, r) => total + Number(r.amount), 0),
      })),
    })
  })

  return new WorkflowResponse(
    transform({ plan, refunds }, ({ plan, refunds }) => ({
      ...plan,
      refunded_amount: refunds.reduce((total, r) => total + Number(r.amount), 0),
    }))
  )
})
