import type { OrderMode, OrderProgressState, OrderShipmentState } from "./http"
import type { StaffShipmentLineStatus, StaffShipmentStatus } from "./staff-http"

/**
 * The words people read for an order's state, in sentence case: one list for
 * the storefront, the app, the admin and the desk, so a status never reads
 * two ways. Keys are the API's values (StoreOrderProgress.state).
 */
export const ORDER_STATE_LABEL: Record<OrderProgressState, string> = {
  placed: "Order placed",
  preparing: "Being prepared",
  ready: "Ready for pickup",
  partially_ready: "Partly ready",
  collected: "Collected",
  expired: "Expired",
  processing: "Processing",
  partially_shipped: "Partly shipped",
  shipped: "Shipped",
  partially_delivered: "Partly delivered",
  delivered: "Delivered",
  sold_in_store: "Bought in store",
  canceled: "Canceled",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
}

export const SHIPMENT_STATE_LABEL: Record<OrderShipmentState, string> = {
  processing: "Being prepared",
  shipped: "Shipped",
  delivered: "Delivered",
  canceled: "Canceled",
}

export const ORDER_MODE_LABEL: Record<OrderMode, string> = { pickup: "Pickup", delivery: "Delivery", in_store: "In store" }

/**
 * A routed delivery as the shop that sends it works through it (the desk's
 * "To ship" list, the admin): the location's shipment, then each of its lines.
 */
export const STORE_SHIPMENT_STATE_LABEL: Record<StaffShipmentStatus, string> = {
  to_ship: "To ship",
  picking: "Picking",
  packed: "Packed",
  shipped: "Shipped",
  canceled: "Canceled",
}

export const ALLOCATION_STATE_LABEL: Record<StaffShipmentLineStatus, string> = {
  allocated: "To ship",
  shipped: "Shipped",
  rejected: "Not found here",
  unavailable: "Unavailable",
}
