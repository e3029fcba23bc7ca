import { model } from "@medusajs/framework/utils"
import { SHIPMENT_STATUSES } from "../types"

/**
 * What one location ships of a routed delivery order: its "to ship" card at
 * the desk. to_ship → picking → packed → shipped (carrier and tracking, the
 * Medusa fulfillment at the location); canceled when nothing is left to ship
 * there. The lines are the order's allocation rows at the location.
 */
export const OrderShipment = model
  .define("order_shipment", {
    id: model.id({ prefix: "rship" }).primaryKey(),
    order_id: model.text().index(),
    location_id: model.text().index(),
    status: model.enum([...SHIPMENT_STATUSES]).default("to_ship"),
    carrier: model.text().nullable(),
    tracking_number: model.text().nullable(),
    fulfillment_id: model.text().nullable(),
    shipped_at: model.dateTime().nullable(),
  })
