/**
 * The plugin's Store API as storefronts see it: request bodies and queries
 * (inferred from the routes' own zod validators, so they cannot drift) and
 * the JSON each route answers (the presenters are typed against these).
 * Import from `medusa-plugin-omnichannel/types`.
 */
import type { z } from "@medusajs/framework/zod"
import type { AdminAdjustPoints, AdminUpsertLoyaltyProgram, LoyaltyEntriesQuery, StoreApplyCartPoints } from "../api/admin/loyalty/validators"
import type {
  StoreGetSlots,
  StoreListMyPickups,
  StoreListPickupStores,
  StoreMarkArrived,
  StoreOrderHistory,
  StoreSetCartPickup,
} from "../api/store/validators"
import type { StaffCreateSale } from "../api/staff/validators"
import type { Closure, PickupPerson, PickupStatus as PickupStatusEnum, RejectedItem, WeeklyHours } from "../modules/pickup/types"

/** placed, preparing, ready, partially_ready, collected, canceled, expired */
export type PickupStatus = `${PickupStatusEnum}`

/** ISO 8601 date-time with the store's UTC offset (e.g. 2026-11-24T16:00:00+01:00). */
export type StoreDateTime = string

/**
 * One problem of a rejected body: its field as a form names it
 * ("hours.mon.0", "closures.1.to"; "" for the body as a whole).
 */
export type FieldError = { path: string; message: string }

/** A 400 from a plugin route with a body: Medusa's `type` and `message`, and each field's error. */
export type InvalidDataResponse = { type: "invalid_data"; message: string; errors: FieldError[] }

// Requests ---------------------------------------------------------------

export type StoreListPickupStoresQuery = z.input<typeof StoreListPickupStores>
export type StoreGetSlotsQuery = z.input<typeof StoreGetSlots>
export type StoreSetCartPickupBody = z.input<typeof StoreSetCartPickup>
export type StoreListMyPickupsQuery = z.input<typeof StoreListMyPickups>
export type StoreMarkArrivedBody = z.input<typeof StoreMarkArrived>
export type StoreOrderHistoryQuery = z.input<typeof StoreOrderHistory>
export type StoreCustomerLoyaltyQuery = z.input<typeof LoyaltyEntriesQuery>
export type StoreApplyCartPointsBody = z.input<typeof StoreApplyCartPoints>
export type StaffCreateSaleBody = z.input<typeof StaffCreateSale>
export type AdminAdjustPointsBody = z.input<typeof AdminAdjustPoints>
export type AdminUpsertLoyaltyProgramBody = z.input<typeof AdminUpsertLoyaltyProgram>

// Stores -----------------------------------------------------------------

export type StoreItemAvailability = { variant_id: string; requested: number; available: number }

export type StorePickupStore = {
  /** the stock location's id */
  id: string
  name: string
  address: {
    address_1: string | null
    address_2: string | null
    city: string | null
    postal_code: string | null
    province: string | null
    country_code: string | null
  }
  latitude: number | null
  longitude: number | null
  /** IANA zone of the store's hours and times */
  timezone: string
  distance_km: number | null
  open_now: boolean
  hours_today: { date: string; ranges: [string, string][]; closure: string | null }
  hours: WeeklyHours
  /** earliest time an order placed now can be ready */
  next_pickup_at: StoreDateTime | null
  instructions: string | null
  curbside: boolean
  phone: string | null
  email: string | null
  /** horizon_days: how many days ahead a slot may be booked */
  slots: { minutes: number; capacity: number; horizon_days: number } | null
  hold_days: number
  /** with `cart_id` or `variant_ids`: what this store can supply */
  availability?: { all_available: boolean; items: StoreItemAvailability[] }
}

export type StoreListPickupStoresResponse = {
  stores: StorePickupStore[]
  count: number
  /** where distances are measured from (lat/lng, or the postal code placed); null without either */
  origin: { latitude: number; longitude: number } | null
  limit: number
  offset: number
}
export type StoreRetrievePickupStoreResponse = { store: StorePickupStore }

export type StorePickupSlot = {
  start: StoreDateTime
  end: StoreDateTime
  capacity: number
  remaining: number
  available: boolean
}
export type StoreGetSlotsResponse = {
  date: string
  timezone: string
  closure: Closure | null
  slots: StorePickupSlot[]
}

// Cart -------------------------------------------------------------------

export type StoreCartPickupSelection = {
  id: string
  cart_id: string
  location_id: string
  slot_start: string | null
  slot_end: string | null
  pickup_person: PickupPerson | null
}
/** `cart` holds the cart's id, totals, shipping methods and items. */
export type StoreSetCartPickupResponse = { cart: Record<string, unknown> & { id: string }; pickup: StoreCartPickupSelection }
export type StoreRemoveCartPickupResponse = { cart: Record<string, unknown> & { id: string }; pickup: null; deleted: true }

export type StoreApplyCartPointsResponse = {
  cart: Record<string, unknown> & { id: string }
  loyalty: { points: number; amount: number; available: number; max_points: number }
}
export type StoreRemoveCartPointsResponse = { cart: Record<string, unknown> & { id: string } }

// Pickups ----------------------------------------------------------------

export type StoreCustomerPickup = {
  id: string
  status: PickupStatus
  order: {
    id: string
    display_id?: number
    total?: number
    currency_code?: string
    created_at?: string
    items?: { title: string; quantity: number; variant_sku: string | null }[]
  }
  store: StorePickupStore | { id: string }
  ready_by: StoreDateTime | null
  slot: { start: StoreDateTime; end: StoreDateTime | null } | null
  pickup_person: PickupPerson | null
  /** end of the hold once the order is ready */
  expires_at: StoreDateTime | null
  arrived_at: StoreDateTime | null
  rejected_items: RejectedItem[]
  /** the code to show at the desk; only ever to its own customer */
  code: string
  /** the code as a QR code (PNG data URL) */
  qr?: string
  created_at: string | Date
}
export type StoreListCustomerPickupsResponse = {
  pickups: StoreCustomerPickup[]
  count: number
  limit: number
  offset: number
}
export type StoreRetrieveCustomerPickupResponse = { pickup: StoreCustomerPickup }

// Loyalty ----------------------------------------------------------------

export type LoyaltyEntryView = {
  id: string
  type: string
  points: number
  status: "pending" | "available"
  available_at: string | Date
  expires_at: string | Date | null
  channel_id: string | null
  order_id: string | null
  reference: string | null
  metadata: Record<string, unknown> | null
  created_at: string | Date
}

export type LoyaltyAccountView = {
  account_id: string
  member_code: string
  /** the member code as a QR code (PNG data URL), for the till */
  member_qr?: string
  status: string
  available: number
  pending: number
  tier: string | null
  tier_basis: string
  tier_progress: number
  next_tier: { name: string; threshold: number; remaining: number } | null
  /** the program's terms for paying with points: a point's worth per currency, the least a cart takes, the largest share of it */
  redemption: { enabled: boolean; point_values: Record<string, number>; min_points: number; max_share: number }
  entries: LoyaltyEntryView[]
  count: number
  limit: number
  offset: number
}
export type StoreCustomerLoyaltyResponse = { loyalty: LoyaltyAccountView }

// History ----------------------------------------------------------------

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

/** One stock location's part in delivery routing, as GET /admin/fulfillment-routing answers it. */
export type LocationRoutingView = {
  location_id: string
  name: string
  kind: "store" | "warehouse"
  /** what the merchant set; null: the default for its kind */
  ships_setting: boolean | null
  /** what applies: the setting, else warehouses ship and stores don't */
  ships: boolean
  safety_stock: number
  latitude: number | null
  longitude: number | null
}

/** One customer type's figures in GET /admin/omnichannel-metrics (money in the currency's major unit). */
export type AdminCustomerMetrics = {
  customers: number
  orders: number
  revenue: number
  average_order_value: number
  purchase_frequency: number
  repeat_purchase_rate: number
  revenue_per_customer: number
  historic_clv: number
}

/** GET /admin/omnichannel-metrics */
export type AdminOmnichannelMetricsResponse = {
  from: StoreDateTime
  /** exclusive */
  to: StoreDateTime
  currency_code: string
  channel: { id: string; name: string } | null
  /**
   * orders, revenue, average_order_value: every order, one without a customer
   * record included; customers and the per-customer figures: orders with a customer
   */
  totals: AdminCustomerMetrics
  by_customer_type: {
    single_channel: AdminCustomerMetrics
    omnichannel: AdminCustomerMetrics
    omnichannel_share: number
    /** omnichannel ÷ single-channel; null where either side has no customers */
    ratio: Record<"average_order_value" | "purchase_frequency" | "repeat_purchase_rate" | "revenue_per_customer" | "historic_clv", number | null>
  }
  by_channel: {
    id: string
    name: string
    orders: number
    revenue: number
    average_order_value: number
    pickup_orders: number
    in_store_orders: number
    pickup_share: number
  }[]
  /** pickup_share: of the orders picked up or delivered (till sales apart) */
  fulfillment: { delivery: number; pickup: number; in_store: number; pickup_share: number }
  monthly: { month: string; orders: number; revenue: number; revenue_by_channel: Record<string, number> }[]
  /** retention[k]: the share of the cohort that ordered k months after its first month */
  cohorts: { cohort: string; customers: number; retention: number[] }[]
  abandoned_carts: {
    abandoned: number
    reminded: number
    reminders_sent: number
    suppressed: number
    suppressed_by_reason: Record<string, number>
    recovered: number
    recovery_rate: number
  }
}
