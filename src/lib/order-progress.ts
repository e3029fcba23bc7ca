import type { OrderMode, OrderProgressState, OrderShipmentState, StoreOrderProgress, StoreOrderShipment } from "../types/http"

/** What an order's progress is computed from: Medusa's own records, read in order-progress-read.ts. */
export type ProgressOrder = {
  id: string
  status: string
  created_at: string | Date
  currency_code: string
  metadata: { store_location_id?: string; in_store?: boolean } | null
  items: { id: string; title: string; quantity: number }[]
  fulfillments: {
    id: string
    location_id: string | null
    shipped_at: string | Date | null
    delivered_at: string | Date | null
    canceled_at: string | Date | null
    labels: { tracking_number: string | null; tracking_url: string | null }[]
    items: { line_item_id: string | null; quantity: number }[]
  }[]
  /** Medusa's payment collections: what was captured and refunded */
  payments: { captured: number; refunded: number }[]
}
/** A routed delivery's part at one location (the desk's "to ship" card), from the routing module. */
export type ProgressShipment = {
  id: string
  location_id: string
  status: "to_ship" | "picking" | "packed" | "shipped" | "canceled"
  carrier: string | null
  fulfillment_id: string | null
  lines: { line_item_id: string; quantity: number }[]
}
export type ProgressInput = {
  order: ProgressOrder
  pickup: { status: string; location_id: string } | null
  shipments: ProgressShipment[]
  locationName: (id: string | null | undefined) => string | null
}

const iso = (d: string | Date | null | undefined) => (d ? new Date(d).toISOString() : null)
/** A tracking link is shown only when it is a web address (never javascript: or data:). */
const webUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null)

/** A parcel not sent yet: nothing to track. */
const waiting = (id: string, location: StoreOrderShipment["location"], items: StoreOrderShipment["items"]): StoreOrderShipment => ({
  id,
  location,
  state: "processing",
  carrier: null,
  tracking_number: null,
  tracking_url: null,
  shipped_at: null,
  delivered_at: null,
  items,
})

/**
 * The parcels of a delivery: Medusa's fulfilments (shipped, delivered or not
 * yet), with the routing module's carrier where a location shipped it, plus
 * whatever is not fulfilled yet: each routed location's open part, or one
 * "processing" parcel for what Medusa hasn't fulfilled.
 */
function parcels({ order, shipments, locationName }: ProgressInput): StoreOrderShipment[] {
  const title = new Map(order.items.map((i) => [i.id, i.title]))
  const lines = (rows: { line_item_id: string | null; quantity: number }[]) =>
    rows.flatMap((r) => (r.line_item_id && r.quantity > 0 ? [{ title: title.get(r.line_item_id) ?? "", quantity: r.quantity }] : []))
  const carrierOf = new Map(shipments.flatMap((s) => (s.fulfillment_id ? [[s.fulfillment_id, s.carrier] as const] : [])))
  const fulfilled = new Map<string, number>()
  const out: StoreOrderShipment[] = order.fulfillments.map((f) => {
    if (!f.canceled_at) for (const i of f.items) if (i.line_item_id) fulfilled.set(i.line_item_id, (fulfilled.get(i.line_item_id) ?? 0) + i.quantity)
    const label = f.labels.find((l) => l.tracking_number || l.tracking_url) ?? null
    const state: OrderShipmentState = f.canceled_at ? "canceled" : f.delivered_at ? "delivered" : f.shipped_at ? "shipped" : "processing"
    return {
      id: f.id,
      location: f.location_id ? { id: f.location_id, name: locationName(f.location_id) } : null,
      state,
      carrier: carrierOf.get(f.id) ?? null,
      tracking_number: label?.tracking_number || null,
      tracking_url: webUrl(label?.tracking_url),
      shipped_at: iso(f.shipped_at),
      delivered_at: iso(f.delivered_at),
      items: lines(f.items),
    }
  })
  const open = shipments.filter((s) => !s.fulfillment_id && s.status !== "shipped" && s.status !== "canceled")
  for (const s of open) {
    out.push(waiting(s.id, { id: s.location_id, name: locationName(s.location_id) }, lines(s.lines)))
    for (const l of s.lines) fulfilled.set(l.line_item_id, (fulfilled.get(l.line_item_id) ?? 0) + l.quantity)
  }
  // Routed orders list every part above; an unrouted delivery waits as one parcel.
  const rest = order.items.map((i) => ({ line_item_id: i.id, quantity: i.quantity - (fulfilled.get(i.id) ?? 0) }))
  if (!shipments.length && rest.some((r) => r.quantity > 0)) {
    out.push(waiting(`${order.id}:unfulfilled`, null, lines(rest)))
  }
  return out
}

/** processing → (partly) shipped → (partly) delivered, over the parcels that still count. */
function deliveryState(list: StoreOrderShipment[]): OrderProgressState {
  const live = list.filter((p) => p.state !== "canceled")
  if (!live.length) return "processing"
  const delivered = live.filter((p) => p.state === "delivered").length
  const shipped = live.filter((p) => p.state === "shipped").length + delivered
  if (delivered === live.length) return "delivered"
  if (delivered > 0) return "partially_delivered"
  if (shipped === live.length) return "shipped"
  if (shipped > 0) return "partially_shipped"
  return "processing"
}

/**
 * Where an order stands, in the one vocabulary of OrderProgressState: a
 * pickup's own status, a delivery's parcels, a till sale; a canceled order,
 * then a refund, say so over the rest.
 */
export function orderProgress(input: ProgressInput): StoreOrderProgress {
  const { order, pickup, locationName } = input
  const mode: OrderMode = pickup ? "pickup" : order.metadata?.in_store ? "in_store" : "delivery"
  const shipments = mode === "delivery" ? parcels(input) : []
  const captured = order.payments.reduce((s, p) => s + p.captured, 0)
  const refunded = order.payments.reduce((s, p) => s + p.refunded, 0)
  let state: OrderProgressState =
    mode === "pickup" ? (pickup!.status as OrderProgressState) : mode === "in_store" ? "sold_in_store" : deliveryState(shipments)
  if (order.status === "canceled") state = "canceled"
  else if (refunded > 0) state = captured > 0 && refunded >= captured ? "refunded" : "partially_refunded"
  const storeId = pickup?.location_id ?? (mode === "in_store" ? order.metadata?.store_location_id ?? null : null)
  return {
    mode,
    state,
    store: storeId ? { id: storeId, name: locationName(storeId) } : null,
    placed_at: iso(order.created_at)!,
    shipments,
    refunded_amount: refunded,
    currency_code: order.currency_code,
  }
}
