/**
 * The omnichannel metrics, from the aggregates the engagement module reads
 * in SQL: the arithmetic (averages, rates, ratios, the cohort grid) is here,
 * pure, so it is tested on hand-computed figures.
 */

// The rows are what the engagement module's SQL returns, so the module owns their types.
import type { CohortCellRow, CustomerGroupRow, OrderCellRow } from "../modules/engagement/types"
export type { CohortCellRow, CustomerGroupRow, OrderCellRow }

export type CustomerMetrics = {
  customers: number
  orders: number
  revenue: number
  average_order_value: number
  purchase_frequency: number
  repeat_purchase_rate: number
  revenue_per_customer: number
  historic_clv: number
}

const money = (n: number) => Math.round(n * 100) / 100
const rate = (n: number) => Math.round(n * 10000) / 10000
const div = (a: number, b: number) => (b ? a / b : 0)

/** One customer type's figures (or everyone's, summed), unrounded. */
function rawCustomerMetrics(rows: CustomerGroupRow[]): CustomerMetrics {
  const sum = (k: keyof Omit<CustomerGroupRow, "omnichannel">) => rows.reduce((s, r) => s + Number(r[k]), 0)
  const customers = sum("customers")
  const orders = sum("orders")
  const revenue = sum("revenue")
  return {
    customers,
    orders,
    revenue,
    average_order_value: div(revenue, orders),
    purchase_frequency: div(orders, customers),
    repeat_purchase_rate: div(sum("repeat_customers"), customers),
    revenue_per_customer: div(revenue, customers),
    historic_clv: div(sum("lifetime"), customers),
  }
}

/** One customer type's figures (or everyone's, summed): money in cents, rates to four places. */
export function customerMetrics(rows: CustomerGroupRow[]): CustomerMetrics {
  const m = rawCustomerMetrics(rows)
  return {
    customers: m.customers,
    orders: m.orders,
    revenue: money(m.revenue),
    average_order_value: money(m.average_order_value),
    purchase_frequency: rate(m.purchase_frequency),
    repeat_purchase_rate: rate(m.repeat_purchase_rate),
    revenue_per_customer: money(m.revenue_per_customer),
    historic_clv: money(m.historic_clv),
  }
}

/**
 * Omnichannel over single-channel for each per-customer figure (from the
 * unrounded figures); null where there is nothing to divide by (no
 * omnichannel customers, or a single-channel figure of zero).
 */
export function omnichannelRatio(omniRows: CustomerGroupRow[], singleRows: CustomerGroupRow[]) {
  const omni = rawCustomerMetrics(omniRows)
  const single = rawCustomerMetrics(singleRows)
  const ratio = (k: keyof CustomerMetrics) => (single[k] && omni.customers ? rate(omni[k] / single[k]) : null)
  return {
    average_order_value: ratio("average_order_value"),
    purchase_frequency: ratio("purchase_frequency"),
    repeat_purchase_rate: ratio("repeat_purchase_rate"),
    revenue_per_customer: ratio("revenue_per_customer"),
    historic_clv: ratio("historic_clv"),
  }
}

/** Every month from `from` to `to` (exclusive), as YYYY-MM in UTC. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = []
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1))
  while (d < to) {
    months.push(d.toISOString().slice(0, 7))
    d.setUTCMonth(d.getUTCMonth() + 1)
  }
  return months
}

/**
 * Orders by channel, by mode and by month. The pickup share is of the orders
 * that left a store or warehouse for the shopper (pickup + delivery); till
 * sales are counted beside it.
 */
export function orderBreakdown(cells: OrderCellRow[], channels: { id: string; name: string }[], months: string[]) {
  const byMode = { delivery: 0, pickup: 0, in_store: 0 }
  const channelIds = [...new Set([...channels.map((c) => c.id), ...cells.map((c) => c.sales_channel_id ?? "none")])]
  const perChannel = new Map(channelIds.map((id) => [id, { orders: 0, revenue: 0, pickup: 0, delivery: 0, in_store: 0 }]))
  const perMonth = new Map(months.map((m) => [m, { orders: 0, revenue: 0, by_channel: {} as Record<string, number> }]))
  let orders = 0
  let revenue = 0
  for (const c of cells) {
    const n = Number(c.orders)
    const r = Number(c.revenue)
    orders += n
    revenue += r
    byMode[c.mode] += n
    const ch = perChannel.get(c.sales_channel_id ?? "none")!
    ch.orders += n
    ch.revenue += r
    ch[c.mode] += n
    const m = perMonth.get(c.month)
    if (m) {
      m.orders += n
      m.revenue += r
      m.by_channel[c.sales_channel_id ?? "none"] = money((m.by_channel[c.sales_channel_id ?? "none"] ?? 0) + r)
    }
  }
  const nameOf = (id: string) => channels.find((c) => c.id === id)?.name ?? (id === "none" ? "No channel" : id)
  return {
    orders,
    revenue: money(revenue),
    fulfillment: { ...byMode, pickup_share: rate(div(byMode.pickup, byMode.pickup + byMode.delivery)) },
    by_channel: channelIds
      .map((id) => ({ id, ...perChannel.get(id)! }))
      .filter((c) => c.orders > 0 || channels.some((k) => k.id === c.id))
      .map((c) => ({
        id: c.id,
        name: nameOf(c.id),
        orders: c.orders,
        revenue: money(c.revenue),
        average_order_value: money(div(c.revenue, c.orders)),
        pickup_orders: c.pickup,
        in_store_orders: c.in_store,
        pickup_share: rate(div(c.pickup, c.pickup + c.delivery)),
      })),
    monthly: months.map((month) => {
      const m = perMonth.get(month)!
      return { month, orders: m.orders, revenue: money(m.revenue), revenue_by_channel: m.by_channel }
    }),
  }
}

/**
 * Retention by monthly cohort: customers grouped by the month of their first
 * order; for each later month, the share of the cohort that ordered in it.
 * Offsets past the window's end are left out (not zero: not yet known).
 */
export function cohortRetention(cells: CohortCellRow[], months: string[]) {
  return months
    .map((cohort, i) => {
      const mine = cells.filter((c) => c.cohort === cohort)
      const size = Number(mine.find((c) => Number(c.month_offset) === 0)?.customers ?? 0)
      const span = months.length - i
      const retention = Array.from({ length: span }, (_, k) =>
        rate(div(Number(mine.find((c) => Number(c.month_offset) === k)?.customers ?? 0), size))
      )
      return { cohort, customers: size, retention }
    })
    .filter((c) => c.customers > 0)
}
