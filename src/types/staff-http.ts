/**
 * The Staff API (/staff/*, the pickup desk's) as a client sees it: request
 * bodies inferred from the routes' zod validators, and the JSON each route
 * answers. The answers are written out (a client's type check must not pull
 * in the server's modules); src/api/pickup-desk/staff-answers.ts holds them
 * equal to what the presenters return, so they cannot drift.
 * Import from `medusa-plugin-omnichannel/types` or `/client`.
 */
import type { z } from "@medusajs/framework/zod"
import type {
  DeskCancel,
  DeskCollect,
  DeskMarkReady,
  DeskRejectLine,
  DeskShip,
  DeskVerify,
  StaffCreateAisleOrder,
  StaffCreateReturn,
} from "../api/staff/validators"
import type { PickupPerson, RejectedItem } from "../modules/pickup/types"
import type { PickupStatus } from "./http"

// Requests ---------------------------------------------------------------

export type StaffLoginBody = { email: string; password: string }
export type StaffVerifyPickupBody = z.input<typeof DeskVerify>
export type StaffMarkReadyBody = z.input<typeof DeskMarkReady>
export type StaffCollectPickupBody = z.input<typeof DeskCollect>
export type StaffCancelPickupBody = z.input<typeof DeskCancel>
export type StaffShipBody = z.input<typeof DeskShip>
export type StaffRejectLineBody = z.input<typeof DeskRejectLine>
export type StaffListPickupsQuery = { location_id?: string; q?: string; status?: string | string[]; limit?: number; offset?: number }
export type StaffListShipmentsQuery = { location_id?: string; status?: string | string[]; limit?: number; offset?: number }
/** The till's item search: `scan: true` for a scanned code (exact match, 404 when none), else words of the name. */
export type StaffFindItemsQuery = { location_id: string; q: string; scan?: boolean }
/** An order to take back: its number (1042 or #1042), its id (the receipt's QR), a member code or an email. */
export type StaffFindOrdersQuery = { q: string }
export type StaffCreateReturnBody = z.input<typeof StaffCreateReturn>
export type StaffCreateAisleOrderBody = z.input<typeof StaffCreateAisleOrder>

// Answers ----------------------------------------------------------------

export type StaffLoginResponse = { token: string }

/** A store the staff member works at (GET /staff/me). `timezone` is null for a location without pickup settings. */
export type StaffStore = {
  id: string
  name: string
  city: string | null
  pickup_enabled: boolean
  curbside: boolean
  timezone: string | null
}
export type StaffMeResponse = {
  staff: { id: string; email: string; first_name: string; last_name: string; stores: StaffStore[] }
}

/** ISO 8601 date-time (pickups: with the store's UTC offset; shipments: UTC). */
type DateTime = string

/** A queue row (GET /staff/pickups). */
export type StaffPickupSummary = {
  id: string
  status: PickupStatus
  order_id: string
  order_display_id: number | null
  customer_name: string | null
  email: string | null
  /** who collects when it is not the customer */
  pickup_person: PickupPerson | null
  store: { id: string; name: string | null; curbside: boolean }
  slot: { start: DateTime | null; end: DateTime | null } | null
  ready_by: DateTime | null
  expires_at: DateTime | null
  /** "I'm here": when the shopper said they arrived, and their note */
  arrived_at: DateTime | null
  arrival_note: string | null
  item_count: number | undefined
  created_at: DateTime | null
}
export type StaffListPickupsResponse = { pickups: StaffPickupSummary[]; count: number; limit: number; offset: number }

export type StaffPickupTimelineEntry = {
  action: string
  at: DateTime | null
  actor: { type: string; id: string | null; name: string | null }
  data?: Record<string, unknown> | null
}

/** One pickup for the desk: items, customer, who collects, slot, timeline (never the code). */
export type StaffPickup = StaffPickupSummary & {
  order: {
    id: string
    display_id: string | number | null
    status: string
    currency_code: string
    total: number
    items: {
      id: string
      title: string
      variant_title: string | null
      sku: string | null
      thumbnail: string | null
      quantity: number
      unit_price: number
      total: number
    }[]
  } | null
  customer: { name: string | null; email: string | null }
  /** lines (or part of them) the store could not supply, and why */
  rejected_items: RejectedItem[]
  collected_at: DateTime | null
  collected_by: { name: string; relation?: string | null } | null
  handed_over_by: { id: string; name: string | null } | null
  canceled_at: DateTime | null
  cancel_reason: string | null
  fulfillment_id: string | null
  timeline: StaffPickupTimelineEntry[]
}
export type StaffPickupResponse = { pickup: StaffPickup }

export type StaffShipmentStatus = "to_ship" | "picking" | "packed" | "shipped" | "canceled"
export type StaffShipmentLineStatus = "allocated" | "shipped" | "rejected" | "unavailable"

/** A routed delivery order a store ships: the order, the lines this location sends, the timeline. */
export type StaffShipment = {
  id: string
  status: StaffShipmentStatus
  location: { id: string; name: string | null }
  carrier: string | null
  tracking_number: string | null
  fulfillment_id: string | null
  shipped_at: DateTime | null
  created_at: DateTime
  /** only the id when the order can no longer be read */
  order:
    | {
        id: string
        display_id: number
        email: string | null
        currency_code: string
        created_at: DateTime
        shipping_address: Record<string, string | null> | null
      }
    | { id: string; display_id?: undefined; email?: undefined; currency_code?: undefined; created_at?: undefined; shipping_address?: undefined }
  lines: {
    line_item_id: string
    title: string | null
    variant_title: string | null
    sku: string | null
    quantity: number
    status: StaffShipmentLineStatus
    /** why the store could not find it */
    reason: string | null
  }[]
  timeline: { action: string; actor_type: string; actor_id: string | null; data: Record<string, unknown> | null; at: DateTime }[]
}
export type StaffListShipmentsResponse = { shipments: StaffShipment[]; count: number; limit: number; offset: number }
export type StaffShipmentResponse = { shipment: StaffShipment }
/** A line handed on: where it went (null: no location had it) and what went back to the shopper. */
export type StaffRejectLineResponse = StaffShipmentResponse & {
  moved_to: { location_id: string; name: string } | null
  refunded_amount: number
}

/** An item at the till (GET /staff/products), priced by Medusa for the store's region. */
export type StaffTillItem = {
  variant_id: string
  title: string | null
  variant_title: string | null
  sku: string | null
  barcode: string | null
  thumbnail: string | null
  price: number | null
  currency_code: string
  is_tax_inclusive: boolean
  /** units on this store's shelf; null when the variant's stock is not tracked (always sellable) */
  in_store: number | null
}
export type StaffFindItemsResponse = { items: StaffTillItem[] }

/**
 * A till sale's (or endless-aisle order's) receipt: the order as Medusa
 * computed it (lines with their VAT, VAT total, total), the store, who sold
 * it, how it was paid, the member's points. Figures are Medusa's: a client
 * shows them, never adds them up.
 */
export type StaffReceipt = {
  order: {
    id: string
    display_id: number
    status: string
    created_at: DateTime
    email: string | null
    customer_id: string | null
    currency_code: string
    total: number
    tax_total: number
    subtotal: number
    discount_total: number
    /** an endless-aisle delivery's cost; 0 for a sale */
    shipping_total: number
    sales_channel: { name: string } | null
    items: {
      title: string
      variant_title: string | null
      variant_sku: string | null
      quantity: number
      unit_price: number
      total: number
      tax_total: number
      tax_lines: { rate: number }[]
    }[]
    metadata: {
      store_location_id?: string
      sold_by?: string
      till_payment?: { method: string; reference: string | null }
      exchange_of?: { order_id: string; return_id: string }
      endless_aisle?: boolean
    } | null
    payment_status: string
    fulfillment_status: string
  }
  store: { name: string; address: { address_1: string | null; postal_code: string | null; city: string | null } | null } | null
  /** the first name of the staff member who sold it */
  sold_by: string | null
  payment: { method: string; reference: string | null } | null
  /** a member's points on this order and their balance after it (pending: not yet spendable); null for a walk-in */
  points: { member_code: string; earned: number; spent: number; balance: { available: number; pending: number } } | null
}
export type StaffCreateSaleResponse = { order: StaffReceipt["order"]; receipt: StaffReceipt; points_earned: number }
export type StaffReceiptResponse = { receipt: StaffReceipt }
export type StaffCreateAisleOrderResponse = { receipt: StaffReceipt }

/** An order found for a return (GET /staff/orders): any channel's, with what each line can still give back. */
export type StaffReturnableOrder = {
  id: string
  display_id: number
  status: string
  created_at: DateTime
  email: string | null
  /** the sales channel's name: "Web store", "In-store", … */
  channel: string | null
  currency_code: string
  total: number
  return_window_closes_at: DateTime
  /** false once the window has closed or the order is canceled */
  returnable: boolean
  items: {
    id: string
    title: string
    variant_title: string | null
    sku: string | null
    quantity: number
    unit_price: number
    total: number
    returnable_quantity: number
  }[]
}
export type StaffFindOrdersResponse = { orders: StaffReturnableOrder[] }
/** A return received at the desk, and what went back: to the original payment (null: nothing to refund), and in points. */
export type StaffCreateReturnResponse = {
  return: {
    id: string
    status: string
    location_id: string | null
    refund_amount: number | null
    items: { item_id: string; quantity: number; received_quantity: number; damaged_quantity: number }[]
  }
  refund: { payment_id: string; amount: number } | null
  /** points the lines were paid with, given back where the money refund can't cover what Medusa owes */
  points_restored: number
}

// The sale's body, StaffCreateSaleBody, is in ./http (the till's first route).

/** An error answer: Medusa's `message`, each field's problem on a 400, `retry_after` (seconds) on a 429. */
export type StaffErrorBody = { message?: string; errors?: { path: string; message: string }[]; retry_after?: number }
