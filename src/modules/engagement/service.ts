import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"

/** The metrics' cells with months as indexes into the filter's month_starts. */
type IndexedOrderCell = Omit<OrderCellRow, "month"> & { month: number }
type IndexedCohortCell = Omit<CohortCellRow, "cohort"> & { cohort: number }
import { recoveryKey } from "./recovery-token"
import { pgArray } from "../../shared/pg-array"
import { parseOmnichannelOptions, type OmnichannelOptions, type OmnichannelPluginOptions } from "../../shared/plugin-options"
import { Purchase } from "./models/purchase"
import { Segment } from "./models/segment"
import { SegmentMember } from "./models/segment-member"
import { AbandonedCart } from "./models/abandoned-cart"
import { CartReminder } from "./models/cart-reminder"
import { PurchaseMode, type CohortCellRow, type CustomerGroupRow, type OrderCellRow, type RfmFacts } from "./types"

/** The module's SQL connection: the transaction's when inside one. */
type Sql = { execute<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]> }
const sqlOf = (ctx: Context): Sql => (ctx.transactionManager ?? ctx.manager) as Sql

/** A list of ids as one bound parameter (a JSON array): no limit on how many, nothing to escape. */
const idList = (ids: string[]) => JSON.stringify(ids)
const IDS = `(select jsonb_array_elements_text(?::jsonb))`

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

class EngagementModuleService extends MedusaService({ Segment, Purchase, SegmentMember, AbandonedCart, CartReminder }) {
  /** Abandoned-cart settings (plugin option `abandonedCarts`, defaults filled in). */
  readonly abandonedCartSettings: OmnichannelOptions["abandonedCarts"]
  /** Signs recovery links; derived from the plugin's secret. */
  readonly recoveryKey: Buffer

  constructor(container: Record<string, unknown>, rawOptions: OmnichannelPluginOptions = {}) {
    // @ts-ignore MedusaService's constructor takes the same arguments
    super(...arguments)
    const options = parseOmnichannelOptions(rawOptions)
    this.abandonedCartSettings = options.abandonedCarts
    this.recoveryKey = recoveryKey(options.pickupCodeSecret)
  }

  /** A channel's delay before the first reminder: by channel id or name, else the default. */
  reminderDelayHours(channel: { id: string | null; name?: string | null }) {
    const perChannel = this.abandonedCartSettings.channel_delay_hours
    return (
      (channel.id ? perChannel[channel.id] : undefined) ??
      (channel.name ? perChannel[channel.name] : undefined) ??
      this.abandonedCartSettings.delay_hours
    )
  }

  /**
   * Records an order (placed or canceled) as a purchase: inserted, or brought
   * up to date when the order changed (canceled, moved to another customer
   * by an order transfer). Idempotent: a re-delivered event writes the same row.
   */
  @InjectManager()
  async upsertPurchases(rows: PurchaseInput[], @MedusaContext() sharedContext: Context = {}): Promise<PurchaseRow[]> {
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
    const before = await sqlOf(sharedContext).execute<PurchaseRow>(
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
  @InjectManager()
  async purchasesWatermark(@MedusaContext() sharedContext: Context = {}): Promise<Date | null> {
    const [row] = await sqlOf(sharedContext).execute<{ at: Date | null }>(
      `select max(order_updated_at) as at from engagement_purchase where deleted_at is null`
    )
    return row?.at ? new Date(row.at) : null
  }

  /** The where clause of standing (not canceled) purchases under a filter. */
  private standing(filter: PurchaseFilter) {
    const where = [`p.deleted_at is null`, `p.canceled_at is null`, `p.customer_id is not null`]
    const params: unknown[] = []
    if (filter.customer_ids) {
      where.push(`p.customer_id = any(?::text[])`)
      params.push(pgArray(filter.customer_ids))
    }
    const narrowed = this.narrowing(filter)
    return { where: [...where, ...narrowed.where].join(" and "), params: [...params, ...narrowed.params] }
  }

  /** What a filter adds to "standing": its window, channel, currency and products. */
  private narrowing(filter: PurchaseFilter) {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.since) {
      where.push(`p.placed_at >= ?`)
      params.push(filter.since)
    }
    if (filter.before) {
      where.push(`p.placed_at < ?`)
      params.push(filter.before)
    }
    if (filter.sales_channel_id) {
      where.push(`p.sales_channel_id = ?`)
      params.push(filter.sales_channel_id)
    }
    if (filter.currency_code) {
      where.push(`p.currency_code = ?`)
      params.push(filter.currency_code.toLowerCase())
    }
    if (filter.product_ids) {
      where.push(`p.product_ids && (select coalesce(array_agg(x), '{}') from jsonb_array_elements_text(?::jsonb) x)`)
      params.push(idList(filter.product_ids))
    }
    return { where, params }
  }

  /**
   * A few customers' standing orders summed under each of several filters, in
   * one pass over their rows (an incremental update: every purchase rule of
   * every segment decides from these). Per customer, one entry per filter, in
   * the filters' order; a customer without standing orders is absent.
   */
  @InjectManager()
  async scopedFacts(
    customerIds: string[],
    filters: PurchaseFilter[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, ScopedFacts[]>> {
    const out = new Map<string, ScopedFacts[]>()
    if (!customerIds.length || !filters.length) return out
    const flags: string[] = []
    const params: unknown[] = []
    const sums: string[] = []
    filters.forEach((f, i) => {
      const n = this.narrowing(f)
      flags.push(`(${n.where.length ? n.where.join(" and ") : "true"}) as f${i}`)
      params.push(...n.params)
      sums.push(
        `(extract(epoch from max(placed_at) filter (where f${i})) * 1000)::bigint as l${i}`,
        `count(*) filter (where f${i}) as o${i}`,
        `coalesce(sum(total) filter (where f${i}), 0) as s${i}`,
        `count(distinct sales_channel_id) filter (where f${i}) as c${i}`
      )
    })
    const rows = await sqlOf(sharedContext).execute<Record<string, string | null>>(
      `select customer_id, ${sums.join(", ")}
         from (select p.customer_id, p.placed_at, p.total, p.sales_channel_id, ${flags.join(", ")}
                 from engagement_purchase p
                where p.deleted_at is null and p.canceled_at is null and p.customer_id = any(?::text[])) q
        group by customer_id`,
      [...params, pgArray(customerIds)]
    )
    for (const r of rows) {
      out.set(
        r.customer_id!,
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

  /** A shopper's carts that were reminded and not yet recovered, by account or by email (read for every order recorded). */
  @InjectManager()
  async remindedCartsOf(
    shopper: { customer_id: string | null; email: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!shopper.customer_id && !shopper.email) return []
    return sqlOf(sharedContext).execute<{ id: string; last_reminded_at: Date | null; product_ids: string[] | null }>(
      `select id, last_reminded_at, product_ids from engagement_abandoned_cart
        where deleted_at is null and status = 'reminded' and (customer_id = ? or email = ?)`,
      [shopper.customer_id, shopper.email?.toLowerCase() ?? null]
    )
  }

  /** The segments as the evaluation reads them (one plain statement: this runs for every order). */
  @InjectManager()
  async segmentsToEvaluate(segmentIds: string[] | null, @MedusaContext() sharedContext: Context = {}) {
    return sqlOf(sharedContext).execute<{
      id: string
      rule: string
      params: Record<string, any>
      state: Record<string, any> | null
      customer_group_id: string
    }>(
      `select id, rule, params, state, customer_group_id from engagement_segment
        where deleted_at is null and customer_group_id is not null ${segmentIds ? `and id = any(?::text[])` : ""}
        order by created_at, id`,
      segmentIds ? [pgArray(segmentIds)] : []
    )
  }

  /** Customers with at least one standing purchase under the filter. */
  @InjectManager()
  async listBuyers(filter: PurchaseFilter, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const { where, params } = this.standing(filter)
    const rows = await sqlOf(sharedContext).execute<{ customer_id: string }>(
      `select distinct p.customer_id from engagement_purchase p where ${where}`,
      params
    )
    return rows.map((r) => r.customer_id)
  }

  /** Customers whose latest standing purchase is before `lapsed_before` (lapsed). */
  @InjectManager()
  async listLapsed(filter: PurchaseFilter, lapsedBefore: Date, @MedusaContext() sharedContext: Context = {}) {
    const { where, params } = this.standing(filter)
    const rows = await sqlOf(sharedContext).execute<{ customer_id: string }>(
      `select p.customer_id from engagement_purchase p where ${where}
        group by p.customer_id having max(p.placed_at) < ?`,
      [...params, lapsedBefore]
    )
    return rows.map((r) => r.customer_id)
  }

  /** Customers who bought on at least `minChannels` sales channels. */
  @InjectManager()
  async listMultichannel(filter: PurchaseFilter, minChannels: number, @MedusaContext() sharedContext: Context = {}) {
    const { where, params } = this.standing(filter)
    const rows = await sqlOf(sharedContext).execute<{ customer_id: string }>(
      `select p.customer_id from engagement_purchase p where ${where} and p.sales_channel_id is not null
        group by p.customer_id having count(distinct p.sales_channel_id) >= ?`,
      [...params, minChannels]
    )
    return rows.map((r) => r.customer_id)
  }

  /** Per buyer: last order (epoch ms), number of standing orders and their total (RFM, high value). */
  @InjectManager()
  async buyerFacts(filter: PurchaseFilter, @MedusaContext() sharedContext: Context = {}): Promise<RfmFacts[]> {
    const { where, params } = this.standing(filter)
    const rows = await sqlOf(sharedContext).execute<{ customer_id: string; last_ms: string; orders: string; spend: string }>(
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

  /** Of these customers or emails, who placed a standing order after the given moment (per customer). */
  @InjectManager()
  async listBoughtSince(
    shoppers: { key: string; customer_id: string | null; email: string | null; since: Date }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Set<string>> {
    if (!shoppers.length) return new Set()
    const rows = await sqlOf(sharedContext).execute<{ key: string }>(
      `select s.key from jsonb_to_recordset(?::jsonb) as s(key text, customer_id text, email text, since timestamptz)
        where exists (select 1 from engagement_purchase p
                       where p.deleted_at is null and p.canceled_at is null and p.placed_at > s.since
                         and (p.customer_id = s.customer_id or (s.email is not null and p.email = lower(s.email))))`,
      [JSON.stringify(shoppers.map((s) => ({ ...s, since: new Date(s.since).toISOString() })))]
    )
    return new Set(rows.map((r) => r.key))
  }

  /**
   * Claims the changes that bring a segment to `members`: within `scope`
   * (some customers) or over everyone (scope null). Rows are inserted and
   * deleted in one statement each, and only the rows this call actually
   * inserted or deleted come back: they are the changes this caller must make
   * to the customer group, so two instances never add the same member twice.
   */
  @InjectTransactionManager()
  async claimMembership(
    segmentId: string,
    members: string[],
    scope: string[] | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ added: string[]; removed: string[] }> {
    const sql = sqlOf(sharedContext)
    // Within a scope, only its customers may be added, whatever the caller passed.
    if (scope) {
      const inScope = new Set(scope)
      members = members.filter((m) => inScope.has(m))
    }
    const removed = await sql.execute<{ customer_id: string }>(
      `delete from engagement_segment_member m
        where m.segment_id = ? and m.deleted_at is null ${scope ? `and m.customer_id = any(?::text[])` : ""}
          and m.customer_id not in ${IDS}
        returning m.customer_id`,
      [segmentId, ...(scope ? [pgArray(scope)] : []), idList(members)]
    )
    const added = members.length
      ? await sql.execute<{ customer_id: string }>(
          `insert into engagement_segment_member (id, segment_id, customer_id)
           select 'segm_' || replace(gen_random_uuid()::text, '-', ''), ?, x from ${IDS} as t(x)
           on conflict (segment_id, customer_id) where deleted_at is null do nothing
           returning customer_id`,
          [segmentId, idList(members)]
        )
      : []
    return { added: added.map((r) => r.customer_id), removed: removed.map((r) => r.customer_id) }
  }

  /**
   * The same for one customer's membership of many segments at once (an
   * incremental update): one statement (atomic alone) that deletes and inserts.
   */
  @InjectManager()
  async claimCustomerMemberships(
    customerId: string,
    segments: { segment_id: string; member: boolean }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ segment_id: string; added: string[]; removed: string[] }[]> {
    const inIds = segments.filter((s) => s.member).map((s) => s.segment_id)
    const outIds = segments.filter((s) => !s.member).map((s) => s.segment_id)
    const rows = await sqlOf(sharedContext).execute<{ change: "added" | "removed"; segment_id: string }>(
      `with removed as (
         delete from engagement_segment_member
          where customer_id = ? and deleted_at is null and segment_id = any(?::text[])
          returning segment_id
       ), added as (
         insert into engagement_segment_member (id, segment_id, customer_id)
         select 'segm_' || replace(gen_random_uuid()::text, '-', ''), x, ? from unnest(?::text[]) as t(x)
         on conflict (segment_id, customer_id) where deleted_at is null do nothing
         returning segment_id
       )
       select 'removed' as change, segment_id from removed union all select 'added', segment_id from added`,
      [customerId, pgArray(outIds), customerId, pgArray(inIds)]
    )
    const addedSet = new Set(rows.filter((r) => r.change === "added").map((r) => r.segment_id))
    const removedSet = new Set(rows.filter((r) => r.change === "removed").map((r) => r.segment_id))
    return segments
      .filter((s) => addedSet.has(s.segment_id) || removedSet.has(s.segment_id))
      .map((s) => ({
        segment_id: s.segment_id,
        added: addedSet.has(s.segment_id) ? [customerId] : [],
        removed: removedSet.has(s.segment_id) ? [customerId] : [],
      }))
  }

  /** Undoes a claim (the compensation of a membership change whose group update failed). */
  @InjectTransactionManager()
  async unclaimMembership(
    segmentId: string,
    change: { added: string[]; removed: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sqlOf(sharedContext)
    if (change.added.length) {
      await sql.execute(`delete from engagement_segment_member where segment_id = ? and deleted_at is null and customer_id in ${IDS}`, [
        segmentId,
        idList(change.added),
      ])
    }
    if (change.removed.length) {
      await sql.execute(
        `insert into engagement_segment_member (id, segment_id, customer_id)
         select 'segm_' || replace(gen_random_uuid()::text, '-', ''), ?, x from ${IDS} as t(x)
         on conflict (segment_id, customer_id) where deleted_at is null do nothing`,
        [segmentId, idList(change.removed)]
      )
    }
  }

  @InjectManager()
  async countMembers(segmentIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const counts = new Map(segmentIds.map((id) => [id, 0]))
    if (!segmentIds.length) return counts
    const rows = await sqlOf(sharedContext).execute<{ segment_id: string; n: string }>(
      `select segment_id, count(*) as n from engagement_segment_member
        where segment_id in ${IDS} and deleted_at is null group by segment_id`,
      [idList(segmentIds)]
    )
    for (const r of rows) counts.set(r.segment_id, Number(r.n))
    return counts
  }

  /** A page of a segment's members (by customer id) and how many there are. */
  @InjectManager()
  async pageMembers(segmentId: string, limit: number, offset: number, @MedusaContext() sharedContext: Context = {}) {
    const sql = sqlOf(sharedContext)
    const [rows, [count]] = await Promise.all([
      sql.execute<{ customer_id: string }>(
        `select customer_id from engagement_segment_member where segment_id = ? and deleted_at is null
          order by customer_id limit ? offset ?`,
        [segmentId, limit, offset]
      ),
      sql.execute<{ n: string }>(
        `select count(*) as n from engagement_segment_member where segment_id = ? and deleted_at is null`,
        [segmentId]
      ),
    ])
    return { customer_ids: rows.map((r) => r.customer_id), count: Number(count?.n ?? 0) }
  }

  /** Per customer: the segments (of those given) they are in. */
  @InjectManager()
  async segmentsOf(customerIds: string[], segmentIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const result = new Map<string, string[]>()
    if (!customerIds.length || !segmentIds.length) return result
    const rows = await sqlOf(sharedContext).execute<{ customer_id: string; segment_id: string }>(
      `select customer_id, segment_id from engagement_segment_member
        where customer_id = any(?::text[]) and segment_id = any(?::text[]) and deleted_at is null`,
      [pgArray(customerIds), pgArray(segmentIds)]
    )
    for (const r of rows) result.set(r.customer_id, [...(result.get(r.customer_id) ?? []), r.segment_id])
    return result
  }

  /**
   * What each shopper (customer or email) bought since a moment: whether
   * they ordered at all, and which products, on every channel.
   */
  @InjectManager()
  async purchasesSince(
    shoppers: { key: string; customer_id: string | null; email: string | null; since: Date }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, { orders: number; product_ids: Set<string> }>> {
    const result = new Map<string, { orders: number; product_ids: Set<string> }>()
    if (!shoppers.length) return result
    const rows = await sqlOf(sharedContext).execute<{ key: string; orders: string; product_ids: string[] | null }>(
      `select s.key, count(distinct p.id) as orders, array_agg(distinct pid) filter (where pid is not null) as product_ids
         from jsonb_to_recordset(?::jsonb) as s(key text, customer_id text, email text, since timestamptz)
         join engagement_purchase p
           on p.deleted_at is null and p.canceled_at is null and p.placed_at > s.since
          and (p.customer_id = s.customer_id or (s.email is not null and p.email = lower(s.email)))
         left join lateral unnest(p.product_ids) as u(pid) on true
        group by s.key`,
      [JSON.stringify(shoppers.map((s) => ({ ...s, since: new Date(s.since).toISOString() })))]
    )
    for (const r of rows) result.set(r.key, { orders: Number(r.orders), product_ids: new Set(r.product_ids ?? []) })
    return result
  }

  /** The latest reminder sent to this shopper for a cart other than this one (the cooldown). */
  @InjectManager()
  async lastReminderToShopper(
    shopper: { email: string; customer_id: string | null; except_cart_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Date | null> {
    const [row] = await sqlOf(sharedContext).execute<{ at: Date | null }>(
      `select max(created_at) as at from engagement_cart_reminder
        where deleted_at is null and kind = 'sent' and cart_id <> ?
          and (email = ? or (?::text is not null and customer_id = ?))`,
      [shopper.except_cart_id, shopper.email.toLowerCase(), shopper.customer_id, shopper.customer_id]
    )
    return row?.at ? new Date(row.at) : null
  }

  /**
   * Takes the next reminder of a cart: only if no other run took it since
   * `expected` reminders were counted (one winner across instances).
   */
  @InjectManager()
  async claimReminder(id: string, expected: number, at: Date, @MedusaContext() sharedContext: Context = {}) {
    const rows = await sqlOf(sharedContext).execute<{ id: string }>(
      `update engagement_abandoned_cart
          set reminders_sent = reminders_sent + 1, last_reminded_at = ?, status = 'reminded', updated_at = now()
        where id = ? and reminders_sent = ? and status in ('pending', 'reminded') and deleted_at is null
        returning id`,
      [at, id, expected]
    )
    return rows.length === 1
  }

  /** The abandoned-cart funnel: carts seen idle, reminded, recovered after a reminder; suppressions by reason. */
  @InjectManager()
  async abandonedCartFunnel(
    filter: { since?: Date | null; before?: Date | null; sales_channel_id?: string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    const sql = sqlOf(sharedContext)
    // carts by when they were last changed (the metrics' window)
    const where = [`c.deleted_at is null`]
    const params: unknown[] = []
    const clauses: [string, unknown][] = [
      [`c.last_activity_at >= ?`, filter.since],
      [`c.last_activity_at < ?`, filter.before],
      [`c.sales_channel_id = ?`, filter.sales_channel_id],
    ]
    for (const [clause, value] of clauses) {
      if (value) {
        where.push(clause)
        params.push(value)
      }
    }
    const [[carts], reasons] = await Promise.all([
      sql.execute<{ abandoned: string; reminded: string; recovered: string; reminders: string; suppressed: string }>(
        `select count(*) as abandoned,
                count(*) filter (where c.reminders_sent > 0) as reminded,
                count(*) filter (where c.status = 'recovered') as recovered,
                coalesce(sum(c.reminders_sent), 0) as reminders,
                count(*) filter (where c.status = 'suppressed') as suppressed
           from engagement_abandoned_cart c where ${where.join(" and ")}`,
        params
      ),
      sql.execute<{ reason: string; n: string }>(
        `select r.reason, count(distinct r.abandoned_cart_id) as n
           from engagement_cart_reminder r join engagement_abandoned_cart c on c.id = r.abandoned_cart_id
          where r.deleted_at is null and r.kind = 'suppressed' and ${where.join(" and ")} group by r.reason`,
        params
      ),
    ])
    const reminded = Number(carts?.reminded ?? 0)
    const recovered = Number(carts?.recovered ?? 0)
    return {
      abandoned: Number(carts?.abandoned ?? 0),
      reminded,
      reminders_sent: Number(carts?.reminders ?? 0),
      suppressed: Number(carts?.suppressed ?? 0),
      suppressed_by_reason: Object.fromEntries(reasons.map((r) => [r.reason, Number(r.n)])),
      recovered,
      recovery_rate: reminded ? Math.round((recovered / reminded) * 10000) / 10000 : 0,
    }
  }

  /**
   * The per-customer half of GET /admin/omnichannel-metrics, over standing
   * orders in one currency placed before `to`, in one pass over the read
   * model grouped by customer: for buyers in [from, to), their orders and
   * spend there (on the channel when one is given), whether they bought on
   * 2+ channels there (judged on every channel whatever the filter: min ≠
   * max, cheaper than a distinct count), their spend on every order up to
   * `to` (historic CLV), their first order and, as a bit mask over the
   * window's months, the months they ordered in (the cohort grid, at most
   * 61 months). An order without a channel counts as a channel of its own,
   * as the by-channel figures show it. Returns the two customer types' sums and the cohort cells.
   */
  @InjectTransactionManager()
  async metricsCustomerAggregates(
    filter: MetricsFilter,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customers: CustomerGroupRow[]; cohorts: IndexedCohortCell[] }> {
    const sql = sqlOf(sharedContext)
    // One hash aggregate over every customer: room for it in memory rather than batches on disk (this transaction only).
    await sql.execute(`set local work_mem = '64MB'`)
    const cur = filter.currency_code.toLowerCase()
    const ch = filter.sales_channel_id ? `p.sales_channel_id = ?` : `true`
    const chParams = filter.sales_channel_id ? [filter.sales_channel_id] : []
    const bounds = `{${filter.month_starts.map((d) => `"${new Date(d).toISOString()}"`).join(",")}}`
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
  @InjectManager()
  async metricsOrderCells(filter: MetricsFilter, @MedusaContext() sharedContext: Context = {}): Promise<IndexedOrderCell[]> {
    const ch = filter.sales_channel_id ? `p.sales_channel_id = ?` : `true`
    const rows = await sqlOf(sharedContext).execute<IndexedOrderCell>(
      `select p.sales_channel_id, p.mode, width_bucket(p.placed_at, ?::timestamptz[]) - 1 as month,
              count(*)::int as orders, sum(p.total) as revenue
         from engagement_purchase p
        where p.deleted_at is null and p.canceled_at is null and p.currency_code = ? and ${ch} and p.placed_at >= ? and p.placed_at < ?
        group by 1, 2, 3`,
      [
        `{${filter.month_starts.map((d) => `"${new Date(d).toISOString()}"`).join(",")}}`,
        filter.currency_code.toLowerCase(),
        ...(filter.sales_channel_id ? [filter.sales_channel_id] : []),
        filter.from,
        filter.to,
      ]
    )
    return rows.map((r) => ({ ...r, revenue: Number(r.revenue) }))
  }

  /** Per customer: channels bought on, last order, lifetime spend (the member export). */
  @InjectManager()
  async customerSummaries(customerIds: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!customerIds.length) return new Map<string, { channels: string[]; last_order_at: Date | null; orders: number; spend: number }>()
    const rows = await sqlOf(sharedContext).execute<{
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

export default EngagementModuleService
