import type { Context } from "@medusajs/framework/types"
import { moduleSql } from "../../../shared/module-sql"
import { pgArray } from "../../../shared/pg-array"
import type { CustomerGroupRow, IndexedCohortCell, IndexedOrderCell, MetricsFilter } from "../types"

/** The window's month starts as one timestamptz[] parameter (width_bucket's bounds). */
const monthBounds = (filter: MetricsFilter) => pgArray(filter.month_starts.map((d) => new Date(d).toISOString()))

/**
 * The metrics' SQL over the purchases read model (GET /admin/omnichannel-metrics;
 * lib/metrics does the arithmetic). Internal to the module: EngagementModuleService injects it.
 */
export class EngagementMetricsService {
  /**
   * The per-customer half, over standing orders in one currency placed before
   * `to`, in one pass grouped by customer: for buyers in [from, to), their
   * orders and spend there (on the channel when one is given), whether they
   * bought on 2+ channels there (judged on every channel whatever the filter:
   * min ≠ max, cheaper than a distinct count), their spend on every order up
   * to `to` (historic CLV), their first order and, as a bit mask over the
   * window's months, the months they ordered in (the cohort grid, at most 61
   * months). An order without a channel counts as a channel of its own, as
   * the by-channel figures show it. Run it in a transaction (`set local`).
   */
  async metricsCustomerAggregates(
    filter: MetricsFilter,
    sharedContext: Context
  ): Promise<{ customers: CustomerGroupRow[]; cohorts: IndexedCohortCell[] }> {
    const sql = moduleSql(sharedContext)
    // One hash aggregate over every customer: room for it in memory rather than batches on disk (this transaction only).
    await sql.execute(`set local work_mem = '64MB'`)
    const cur = filter.currency_code.toLowerCase()
    const ch = filter.sales_channel_id ? `p.sales_channel_id = ?` : `true`
    const chParams = filter.sales_channel_id ? [filter.sales_channel_id] : []
    const bounds = monthBounds(filter)
    const inWindow = `p.placed_at >= ? and ${ch}`
    const [row] = await sql.execute<{ groups: CustomerGroupRow[] | null; cohorts: IndexedCohortCell[] | null }>(
      `with per as materialized (
         select p.customer_id,
                min(coalesce(p.sales_channel_id, '') collate "C") filter (where p.placed_at >= ?) as ch_min,
                max(coalesce(p.sales_channel_id, '') collate "C") filter (where p.placed_at >= ?) as ch_max,
                count(*) filter (where ${inWindow}) as orders,
                coalesce(sum(p.total) filter (where ${inWindow}), 0) as spend,
                coalesce(sum(p.total) filter (where ${ch}), 0) as lifetime,
                min(p.placed_at) filter (where ${ch}) as first_at,
                bit_or(1::bigint << (width_bucket(p.placed_at, ?::timestamptz[]) - 1)) filter (where ${inWindow}) as months
           from engagement_purchase p
          where p.deleted_at is null and p.canceled_at is null and p.currency_code = ? and p.customer_id is not null and p.placed_at < ?
          group by p.customer_id
       )
       select
         (select json_agg(g) from (
            select coalesce(ch_min <> ch_max, false) as omnichannel, count(*)::int as customers, sum(orders)::int as orders,
                   sum(spend) as revenue, (count(*) filter (where orders >= 2))::int as repeat_customers, sum(lifetime) as lifetime
              from per where orders > 0 group by 1) g) as groups,
         (select json_agg(c) from (
            select width_bucket(per.first_at, ?::timestamptz[]) - 1 as cohort, k as month_offset, count(*)::int as customers
              from per cross join lateral generate_series(0, ? - width_bucket(per.first_at, ?::timestamptz[])) as k
             where per.first_at >= ? and (per.months >> (width_bucket(per.first_at, ?::timestamptz[]) - 1 + k)) & 1 = 1
             group by 1, 2) c) as cohorts`,
      [
        filter.from,
        filter.from,
        filter.from,
        ...chParams,
        filter.from,
        ...chParams,
        ...chParams,
        ...chParams,
        bounds,
        filter.from,
        ...chParams,
        cur,
        filter.to,
        bounds,
        filter.month_starts.length,
        bounds,
        filter.from,
        bounds,
      ]
    )
    return {
      customers: (row?.groups ?? []).map((g) => ({ ...g, revenue: Number(g.revenue), lifetime: Number(g.lifetime) })),
      cohorts: row?.cohorts ?? [],
    }
  }

  /** The per-order half: orders and revenue in [from, to) by channel, mode and month (index into month_starts). */
  async metricsOrderCells(filter: MetricsFilter, sharedContext: Context): Promise<IndexedOrderCell[]> {
    const ch = filter.sales_channel_id ? `p.sales_channel_id = ?` : `true`
    const rows = await moduleSql(sharedContext).execute<IndexedOrderCell>(
      `select p.sales_channel_id, p.mode, width_bucket(p.placed_at, ?::timestamptz[]) - 1 as month,
              count(*)::int as orders, sum(p.total) as revenue
         from engagement_purchase p
        where p.deleted_at is null and p.canceled_at is null and p.currency_code = ? and ${ch} and p.placed_at >= ? and p.placed_at < ?
        group by 1, 2, 3`,
      [
        monthBounds(filter),
        filter.currency_code.toLowerCase(),
        ...(filter.sales_channel_id ? [filter.sales_channel_id] : []),
        filter.from,
        filter.to,
      ]
    )
    return rows.map((r) => ({ ...r, revenue: Number(r.revenue) }))
  }
}
