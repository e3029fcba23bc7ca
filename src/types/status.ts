import type { OrderMode, OrderProgressState, OrderShipmentState } from "./http"

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
