/** Order history and an order's progress: GET /store/customers/me/history, GET /store/orders/:id/progress. */
import type { PickupStatus } from "./common"

/** One parcel of a delivery (one Medusa fulfilment, or a part still being prepared at its location). */
export type OrderShipmentState = "processing" | "shipped" | "delivered" | "canceled"
export type StoreOrderShipment = {
  id: string
  location: { id: string; name: string | null } | null
  state: OrderShipmentState
  carrier: string | null
  tracking_number: string | null
  /** http(s) only; null when the carrier gave none */
  tracking_url: string | null
  shipped_at: string | null
  delivered_at: string | null
  items: { title: string; quantity: number }[]
}
/**
 * The one status vocabulary of an order, whatever its mode: a pickup's own
 * statuses, a delivery's (processing → shipped → delivered, partly when its
 * parcels differ), a till sale's, and canceled / refunded over all of them.
 * Labels for people: ORDER_STATE_LABEL (src/types/status.ts).
 */
export type OrderProgressState =
  | "placed"
  | "preparing"
  | "ready"
  | "partially_ready"
  | "collected"
  | "expired"
  | "processing"
  | "partially_shipped"
  | "shipped"
  | "partially_delivered"
  | "delivered"
  | "sold_in_store"
  | "canceled"
  | "refunded"
  | "partially_refunded"
export type StoreOrderProgress = {
  mode: OrderMode
  state: OrderProgressState
  /** The store of a pickup or a till sale */
  store: { id: string; name: string | null } | null
  placed_at: string
  /** Delivery parcels, each on its own (split shipments); empty for pickups and till sales */
  shipments: StoreOrderShipment[]
  /** What Medusa refunded on the order's payments (0 when nothing) */
  refunded_amount: number
  currency_code: string
}
export type StoreOrderProgressResponse = { progress: StoreOrderProgress }

export type OrderMode = "pickup" | "delivery" | "in_store"

export type StoreHistoryOrder = {
  id: string
  display_id: number
  created_at: string | Date
  channel: { id: string | null; name: string | null }
  store: { id: string; name: string | null } | null
  mode: OrderMode
  status: string
  pickup_status: PickupStatus | null
  currency_code: string
  total: number
  subtotal: number
  tax_total: number
  shipping_total: number
  points_earned: number
  points_redeemed: number
  /** Where the order stands, from Medusa's fulfilments and payments (and the pickup). */
  progress: StoreOrderProgress
}
export type StoreOrderHistoryResponse = { orders: StoreHistoryOrder[]; count: number; limit: number; offset: number }
