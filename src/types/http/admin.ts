/** Admin views the dashboard reads: fulfillment routing and omnichannel metrics. */
import type { StoreDateTime } from "./common"

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
