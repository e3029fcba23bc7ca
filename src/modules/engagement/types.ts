export enum SegmentRule {
  RECENT_BUYERS = "recent_buyers",
  CATEGORY_BUYERS = "category_buyers",
  SEASONAL_BUYERS = "seasonal_buyers",
  CART_ABANDONERS = "cart_abandoners",
  HIGH_VALUE = "high_value",
  LAPSED = "lapsed",
  SUBSCRIBERS = "subscribers",
  ACCOUNT_HOLDERS = "account_holders",
  OMNICHANNEL = "omnichannel",
  RFM = "rfm",
}

/** How an order reached its shopper: shipped, picked up in a store, or sold at the till. */
export enum PurchaseMode {
  DELIVERY = "delivery",
  PICKUP = "pickup",
  IN_STORE = "in_store",
}

/** Shopify's eleven RFM groups, in the order a report lists them. */
export const RFM_GROUPS = [
  "champions",
  "loyal",
  "active",
  "promising",
  "new",
  "needs_attention",
  "at_risk",
  "almost_lost",
  "previously_loyal",
  "dormant",
  "prospects",
] as const
export type RfmGroup = (typeof RFM_GROUPS)[number]

/** Each rule's parameters (validated by the admin route's zod schema). */
export type SegmentParams = {
  /** recent_buyers, lapsed: days back; category_buyers, omnichannel: the window (optional) */
  days?: number
  /** category_buyers: the category (its subcategories count too) */
  category_id?: string
  /** seasonal_buyers: the window, ISO dates, inclusive */
  from?: string
  to?: string
  /** cart_abandoners: idle longer than this; carts older than within_days are forgotten */
  idle_hours?: number
  within_days?: number
  /** high_value: the top share of buyers by lifetime spend, or a spend floor */
  top_percent?: number
  min_spend?: number
  /** omnichannel: how many channels make a shopper omnichannel (default 2) */
  min_channels?: number
  /** rfm: which of the eleven groups */
  group?: RfmGroup
  /** order rules: only orders of this sales channel */
  sales_channel_id?: string
  /** spend rules: only orders in this currency (else every currency, summed as is) */
  currency_code?: string
}

/** What an incremental update reuses from the last full refresh. */
export type SegmentState = {
  /** high_value by top_percent: the lifetime spend of the last customer inside the top share */
  threshold?: number | null
  /** rfm: the quintile boundaries of each dimension (see lib/rfm); null where no value reaches one (JSON has no Infinity) */
  rfm?: { recency: (number | null)[]; frequency: (number | null)[]; monetary: (number | null)[] } | null
}

export const ENGAGEMENT_DEFAULTS = {
  /** an abandoned-cart candidate is idle this long */
  idle_hours: 4,
  within_days: 30,
  omnichannel_days: 365,
  min_channels: 2,
}

export enum AbandonedCartStatus {
  /** seen idle; no reminder yet */
  PENDING = "pending",
  /** at least one reminder sent */
  REMINDED = "reminded",
  /** no reminder will go: the shopper bought, opted out, … (suppressed_reason) */
  SUPPRESSED = "suppressed",
  /** bought after a reminder (this cart, or one of its items, on any channel) */
  RECOVERED = "recovered",
}

/** Why a reminder was not sent. The first three end the cart's reminders; a cooldown only delays them. */
export const SUPPRESSION_REASONS = ["ordered_since", "bought_all_items", "opted_out", "cooldown"] as const
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number]

/** A segment member as the admin and the CSV export show them. */
export type SegmentMemberRow = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  channels: string[]
  last_order_at: string | null
  orders: number
  lifetime_spend: number
  rfm_group: RfmGroup
}

/** One buyer's standing orders, summed: the three RFM dimensions (lib/rfm scores them). */
export type RfmFacts = { customer_id: string; last_order_at: number; orders: number; spend: number }

/* The metrics' rows as the module's SQL returns them (lib/metrics does the arithmetic). */

/** What SQL gives per customer type: buyers in the window and their orders there. */
export type CustomerGroupRow = {
  omnichannel: boolean
  customers: number
  orders: number
  revenue: number
  /** customers with 2+ orders in the window */
  repeat_customers: number
  /** their spend on every order up to the window's end (historic CLV) */
  lifetime: number
}

/** Orders in the window by channel, mode and month (guests included). */
export type OrderCellRow = {
  sales_channel_id: string | null
  mode: "delivery" | "pickup" | "in_store"
  month: string
  orders: number
  revenue: number
}

export type CohortCellRow = { cohort: string; month_offset: number; customers: number }

/** The metrics' cells with months as indexes into the filter's month_starts. */
export type IndexedOrderCell = Omit<OrderCellRow, "month"> & { month: number }
export type IndexedCohortCell = Omit<CohortCellRow, "cohort"> & { cohort: number }

/** An order as the read model records it (placed or canceled). */
export type PurchaseInput = {
  order_id: string
  customer_id: string | null
  email: string | null
  sales_channel_id: string | null
  currency_code: string
  total: number | string
  placed_at: Date
  canceled_at: Date | null
  product_ids: string[]
  order_updated_at?: Date | null
  mode?: PurchaseMode
}

/** The metrics' window: one currency, [from, to), optionally one channel; month_starts: the first instant of each month shown (UTC). */
export type MetricsFilter = {
  from: Date
  to: Date
  currency_code: string
  sales_channel_id?: string | null
  month_starts: Date[]
}

/** A purchase as recorded (what upsertPurchases returns of the rows it replaced). */
export type PurchaseRow = Omit<PurchaseInput, "total" | "order_updated_at" | "mode"> & {
  total: string
  order_updated_at: Date | null
  mode: PurchaseMode
}

/** One customer's standing orders under one filter, summed (what every purchase rule decides from). */
export type ScopedFacts = { last_order_at: number | null; orders: number; spend: number; channels: number }

/** Which standing orders a rule looks at. */
export type PurchaseFilter = {
  /** only these customers (an incremental update) */
  customer_ids?: string[] | null
  since?: Date | null
  /** exclusive */
  before?: Date | null
  sales_channel_id?: string | null
  currency_code?: string | null
  /** bought one of these products */
  product_ids?: string[] | null
}

/** A shopper (account or email) and the moment after which their orders count. */
export type ShopperSince = { key: string; customer_id: string | null; email: string | null; since: Date }

/** A segment as the evaluation reads it. */
export type SegmentToEvaluate = {
  id: string
  rule: SegmentRule
  params: SegmentParams
  state: SegmentState | null
  customer_group_id: string
}

/** One customer's purchases summed for the member export. */
export type CustomerSummary = { channels: string[]; last_order_at: Date | null; orders: number; spend: number }

/** The abandoned-cart funnel over a window (the metrics). */
export type AbandonedCartFunnel = {
  abandoned: number
  reminded: number
  reminders_sent: number
  suppressed: number
  suppressed_by_reason: Record<string, number>
  recovered: number
  recovery_rate: number
}

/** Which carts the funnel counts: by their last change, optionally one channel. */
export type FunnelFilter = { since?: Date | null; before?: Date | null; sales_channel_id?: string | null }
