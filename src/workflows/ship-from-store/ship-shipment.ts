import { createOrderFulfillmentWorkflow, createOrderShipmentWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PickupActor } from "../../modules/pickup/types"
import { loadShipmentStep } from "./steps/load-shipment"
import { setShipmentFulfillmentStep } from "./steps/set-shipment-fulfillment"
import { transitionShipmentStep } from "./steps/transition-shipment"
import { updateAllocationsStep } from "./steps/update-allocations"

export type ShipShipmentInput = { shipment_id: string; carrier: string; tracking_number: string; tracking_url?: string | null; actor: PickupActor }

export const shipShipmentWorkflowId = "ship-shipment"

/**
 * packed → shipped, at the store's desk:
 * 1. the transition under the shipment's row lock (409 if not packed; twice
 *    at once: one wins), with carrier and tracking number;
 * 2. Medusa's own order fulfillment at the location, from the order's
 *    reservations there (stock leaves the location's level), then Medusa's
 *    shipment of it with the tracking label;
 * 3. the lines marked shipped; `shipment.shipped` (the shopper is told).
 * A failure compensates everything before it.
 */
export const shipShipmentWorkflow = createWorkflow(shipShipmentWorkflowId, (input: ShipShipmentInput) => {
  const { shipment, lines } = loadShipmentStep({ shipment_id: input.shipment_id })
  transitionShipmentStep(
    transform({ input }, ({ input }) => ({
      shipment_id: input.shipment_id,
      from: ["packed" as const],
      to: "shipped" as const,
      action: "ship",
      actor: input.actor,
      data: { carrier: input.carrier, tracking_number: input.tracking_number, shipped_at: new Date() },
      activity: { carrier: input.carrier, tracking_number: input.tracking_number },
    }))
  )
  const items = transform({ lines }, ({ lines }) => lines.map((l) => ({ id: l.line_item_id, quantity: l.quantity })))
  const labels = transform({ input }, ({ input }) => [
    { tracking_number: input.tracking_number, tracking_url: input.tracking_url ?? "", label_url: "" },
  ])
  const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
    input: transform({ input, shipment, items, labels }, ({ input, shipment, items, labels }) => ({
      order_id: shipment.order_id,
      location_id: shipment.location_id,
      items,
      labels,
      created_by: input.actor.id ?? undefined,
      no_notification: true,
    })),
  })
  createOrderShipmentWorkflow.runAsStep({
    input: transform({ input, shipment, items, labels, fulfillment }, ({ input, shipment, items, labels, fulfillment }) => ({
      order_id: shipment.order_id,
      fulfillment_id: (fulfillment as { id: string }).id,
      items,
      labels,
      created_by: input.actor.id ?? undefined,
      no_notification: true,
    })),
  })
  setShipmentFulfillmentStep(
    transform({ input, fulfillment }, ({ input, fulfillment }) => ({
      shipment_id: input.shipment_id,
      fulfillment_id: (fulfillment as { id: string }).id,
    }))
  )
  updateAllocationsStep(transform({ lines }, ({ lines }) => lines.map((l) => ({ id: l.id, status: "shipped" as const }))))
  emitEventStep({ eventName: "shipment.shipped", data: transform({ input }, ({ input }) => ({ id: input.shipment_id })) })
  return new WorkflowResponse({ shipment_id: input.shipment_id })
})
