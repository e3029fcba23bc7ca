import type { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { moduleSql } from "../../../shared/module-sql"
import { pgArray } from "../../../shared/pg-array"
import { narrowing, standing } from "../purchase-filter"
import {
  PurchaseMode,
  type CustomerSummary,
  type PurchaseFilter,
  type PurchaseInput,
  type PurchaseRow,
  type RfmFacts,
  type ScopedFacts,
  type ShopperSince,
} from "../types"

/** Shoppers as one jsonb parameter (jsonb_to_recordset), each `since` as an ISO instant. */
const shoppersParam = (shoppers: ShopperSince[]) =>
  JSON.stringify(shoppers.map((s) => ({ ...s, since: new Date(s.since).toISOString() })))

/**
 * The purchases read model (engagement_purchase): one row per order on any
 * channel, written as orders are placed or canceled, read set-based by the
 * segment rules, the reminders and the member export. Internal to the module:
 * EngagementModuleService injects it and passes its context on.
 */
export class PurchaseReadsService {
  /**
   * Records orders (placed or canceled) as purchases: inserted, or brought up
   * to date when the order changed (canceled, moved to another customer by an
   * order transfer). Idempotent. Returns the rows as they were before.
   */
  async upsertPurchases(rows: PurchaseInput[], sharedContext: Context): Promise<PurchaseRow[]> {
    if (!rows.length) return []
    const values = rows.map(() => `(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::text[], ?, ?)`).join(", ")
    const params = rows.flatMap((r) => [
      generateEntityId(undefined, "epur"),
      r.order_id,
      r.customer_id,
      r.email?.toLowerCase() ?? null,
      r.sales_channel_id,
      r.currency_code,
      r.total,
      JSON.stringify({ value: String(r.total), precision: 20 }),
      r.placed_at,
      r.canceled_at,
      pgArray(r.product_ids),
      r.order_updated_at ?? null,
      r.mode ?? PurchaseMode.DELIVERY,
    ])
    // The rows as they were come back from the same statement: every part of a
    // statement sees the table as it was before it (the compensation needs them).
    const before = await moduleSql(sharedContext).execute<PurchaseRow>(
      `with before as (
         select order_id, customer_id, email, sales_channel_id, currency_code, total::text as total, placed_at, canceled_at,
                product_ids, order_updated_at, mode
           from engagement_purchase where deleted_at is null and order_id = any(?::text[])
       ), upserted as (
       insert into engagement_purchase
         (id, order_id, customer_id, email, sales_channel_id, currency_code, total, raw_total, placed_at, canceled_at, product_ids, order_updated_at, mode)
       values ${values}
       on conflict (order_id) where deleted_at is null do update set
         customer_id = excluded.customer_id, email = excluded.email, sales_channel_id = excluded.sales_channel_id,
         currency_code = excluded.currency_code, total = excluded.total, raw_total = excluded.raw_total,
         placed_at = excluded.placed_at, canceled_at = excluded.canceled_at, product_ids = excluded.product_ids, order_updated_at = excluded.order_updated_at,
         mode = excluded.mode, updated_at = now()
       returning 1)
       select * from before`,
      [pgArray(rows.map((r) => r.order_id)), ...params]
    )
    return before.map((b) => ({ ...b, product_ids: b.product_ids ?? [] }))
  }

  /** The latest order change recorded: the nightly catch-up starts there. */
  async purchasesWatermark(sharedContext: Context): Promise<Date | null> {
    const [row] = await moduleSql(sharedContext).execute<{ at: Date | null }>(
      `select max(order_updated_at) as at from engagement_purchase where deleted_at is null`
    )
    return row?.at ? new Date(row.at) : null
  }

  /**
   * A few customers' standing orders summed under each of several filters, in
   * one pass over their rows. Per customer, one entry per filter, in the
   * filters' order; a customer without standing orders is absent.
   */
  async scopedFacts(customerIds: string[], filters: PurchaseFilter[], sharedContext: Context): Promise<Map<string, ScopedFacts[]>> {
    const out = new Map<string, ScopedFacts[]>()
    if (!customerIds.length || !filters.length) return out
    const flags: string[] = []
    const params: unknown[] = []
    const sums: string[] = []
    filters.forEach((f, i) => {
      const n = narrowing(f)
      flags.push(`(${n.where.length ? n.where.join(" and ") : "true"}) as f${i}`)
      params.push(...n.params)
      sums.push(
        `(extract(epoch from max(placed_at) filter (where f${i})) * 1000)::bigint as l${i}`,
        `count(*) filter (where f${i}) as o${i}`,
        `coalesce(sum(total) filter (where f${i}), 0) as s${i}`,
        `count(distinct sales_channel_id) filter (where f${i}) as c${i}`
      )
    })
    const rows = await moduleSql(sharedContext).execute<{ customer_id: string } & Record<string, string | null>>(
      `select customer_id, ${sums.join(", ")}
         from (select p.customer_id, p.placed_at, p.total, p.sales_channel_id, ${flags.join(", ")}
                 from engagement_purchase p
                where p.deleted_at is null and p.canceled_at is null and p.customer_id = any(?::text[])) q
        group by customer_id`,
      [...params, pgArray(customerIds)]
    )
    for (const r of rows) {
      out.set(
        r.customer_id,
        filters.map((_, i) => ({
          last_order_at: r[`l${i}`] === null ? null : Number(r[`l${i}`]),
          orders: Number(r[`o${i}`]),
          spend: Number(r[`s${i}`]),
          channels: Number(r[`c${i}`]),
        }))
      )
    }
    return out
  }

  /** Customers with at least one standing purchase under the filter. */
  async listBuyers(filter: PurchaseFilter, sharedContext: Context): Promise<string[]> {
    const { where, params } = standing(filter)
    const rows = await moduleSql(sharedContext).execute<{ customer_id: string }>(
      `select distinct p.customer_id from engagement_purchase p where ${where}`,
      params
    )
    return rows.map((r) => r.customer_id)
  }

  /** Customers whose latest standing purchase is before `lapsedBefore` (lapsed). */
  async listLapsed(filter: PurchaseFilter, lapsedBefore: Date, sharedContext: Context): Promise<string[]> {
    const { where, params } = standing(filter)
    const rows = await moduleSql(sharedContext).execute<{ customer_id: string }>(
      `select p.customer_id from engagement_purchase p where ${where}
        group by p.customer_id having max(p.placed_at) < ?`,
      [...params, lapsedBefore]
    )
    return rows.map((r) => r.customer_id)
  }

  /** Customers who bought on at least `minChannels` sales channels. */
  async listMultichannel(filter: PurchaseFilter, minChannels: number, sharedContext: Context): Promise<string[]> {
    const { where, params } = standing(filter)
    const rows = await moduleSql(sharedContext).execute<{ customer_id: string }>(
      `select p.customer_id from engagement_purchase p where ${where} and p.sales_channel_id is not null
        group by p.customer_id having count(distinct p.sales_channel_id) >= ?`,
      [...params, minChannels]
    )
    return rows.map((r) => r.customer_id)
  }

  /** Per buyer: last order (epoch ms), number of standing orders and their total (RFM, high value). */
  async buyerFacts(filter: PurchaseFilter, sharedContext: Context): Promise<RfmFacts[]> {
    const { where, params } = standing(filter)
    const rows = await moduleSql(sharedContext).execute<{ customer_id: string; last_ms: string; orders: string; spend: string }>(
      `select p.customer_id, (extract(epoch from max(p.placed_at)) * 1000)::bigint as last_ms,
              count(*) as orders, coalesce(sum(p.total), 0) as spend
         from engagement_purchase p where ${where} group by p.customer_id`,
      params
    )
    return rows.map((r) => ({
      customer_id: r.customer_id,
      last_order_at: Number(r.last_ms),
      orders: Number(r.orders),
      spend: Number(r.spend),
    }))
  }

  /** Of these customers or emails, who placed a standing order after the given moment (per shopper key). */
  async listBoughtSince(shoppers: ShopperSince[], sharedContext: Context): Promise<Set<string>> {
    if (!shoppers.length) return new Set()
    const rows = await moduleSql(sharedContext).execute<{ key: string }>(
      `select s.key from jsonb_to_recordset(?::jsonb) as s(key text, customer_id text, email text, since timestamptz)
        where exists (select 1 from engagement_purchase p
                       where p.deleted_at is null and p.canceled_at is null and p.placed_at > s.since
                         and (p.customer_id = s.customer_id or (s.email is not null and p.email = lower(s.email))))`,
      [shoppersParam(shoppers)]
    )
    return new Set(rows.map((r) => r.key))
  }

  /** What each shopper bought since a moment: whether they ordered at all, and which products, on every channel. */
  async purchasesSince(
    shoppers: ShopperSince[],
    sharedContext: Context
  ): Promise<Map<string, { orders: number; product_ids: Set<string> }>> {
    const result = new Map<string, { orders: number; product_ids: Set<string> }>()
    if (!shoppers.length) return result
    const rows = await moduleSql(sharedContext).execute<{ key: string; orders: string; product_ids: string[] | null }>(
      `select s.key, count(distinct p.id) as orders, array_agg(distinct pid) filter (where pid is not null) as product_ids
         from jsonb_to_recordset(?::jsonb) as s(key text, customer_id text, email text, since timestamptz)
         join engagement_purchase p
           on p.deleted_at is null and p.canceled_at is null and p.placed_at > s.since
          and (p.customer_id = s.customer_id or (s.email is not null and p.email = lower(s.email)))
         left join lateral unnest(p.product_ids) as u(pid) on true
        group by s.key`,
      [shoppersParam(shoppers)]
    )
    for (const r of rows) result.set(r.key, { orders: Number(r.orders), product_ids: new Set(r.product_ids ?? []) })
    return result
  }

  /** Per customer: channels bought on, last order, lifetime spend (the member export). */
  async customerSummaries(customerIds: string[], sharedContext: Context): Promise<Map<string, CustomerSummary>> {
    if (!customerIds.length) return new Map()
    const rows = await moduleSql(sharedContext).execute<{
      customer_id: string
      channels: string[] | null
      last_order_at: Date | null
      orders: string
      spend: string
    }>(
      `select p.customer_id, array_agg(distinct p.sales_channel_id) filter (where p.sales_channel_id is not null) as channels,
              max(p.placed_at) as last_order_at, count(*) as orders, coalesce(sum(p.total), 0) as spend
         from engagement_purchase p
        where p.customer_id = any(?::text[]) and p.deleted_at is null and p.canceled_at is null
        group by p.customer_id`,
      [pgArray(customerIds)]
    )
    return new Map(
      rows.map((r) => [
        r.customer_id,
        { channels: r.channels ?? [], last_order_at: r.last_order_at, orders: Number(r.orders), spend: Number(r.spend) },
      ])
    )
  }
}
