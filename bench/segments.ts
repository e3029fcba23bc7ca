/**
 * Segments at scale for `npm run bench`: 50,000 customers (a tenth of them
 * accepting marketing, 70 % with an account) and 500,000 purchases over the
 * three sales channels and two years, written straight into the customer
 * table and the engagement read model (volume for timing, not a test of the
 * write paths), and twenty segments: every rule and the eleven RFM groups.
 * Then, in-process:
 *   - the full refresh of every segment (refreshSegmentsWorkflow), first into
 *     empty customer groups, then again (the nightly run: few changes);
 *   - the incremental update per order: recordOrderEngagementWorkflow (the
 *     order read from Medusa, its purchase written, its customer's segments
 *     updated), on real orders; and syncCustomerSegmentsWorkflow alone (a
 *     cart or profile change).
 * Prints one BENCH_SEGMENTS line.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../src/modules/engagement"
import { RFM_GROUPS } from "../src/modules/engagement/types"
import {
  recordOrderEngagementWorkflow,
  refreshSegmentsWorkflow,
  syncCustomerSegmentsWorkflow,
} from "../src/workflows/engagement"

const CUSTOMERS = Number(process.env.BENCH_SEGMENT_CUSTOMERS ?? 50_000)
const PURCHASES = Number(process.env.BENCH_SEGMENT_ORDERS ?? 500_000)
const INCREMENTAL_RUNS = Number(process.env.BENCH_SEGMENT_INCREMENTAL_RUNS ?? 200)

export default async function segmentsBench({ container }: ExecArgs) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const engagement: any = container.resolve(ENGAGEMENT_MODULE)
  const customerModule = container.resolve(Modules.CUSTOMER)

  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "name"] })
  const { data: products } = await query.graph({ entity: "product", fields: ["id", "categories.id"], pagination: { take: 500 } } as any)
  const category = (products as any[]).find((p) => p.categories?.length)?.categories[0].id

  const [{ n: haveCustomers }] = (await pg.raw(`select count(*)::int as n from customer where email like 'bench-%@example.com'`)).rows
  const seeded = Date.now()
  if (haveCustomers < CUSTOMERS) {
    await pg.raw(
      `insert into customer (id, email, first_name, last_name, has_account, metadata, created_at, updated_at)
       select 'cus_bench' || lpad(g::text, 8, '0'), 'bench-' || g || '@example.com', 'Bench', 'Shopper ' || g,
              g % 10 < 7, case when g % 10 = 0 then '{"accepts_marketing": true}'::jsonb else null end,
              now() - (g % 700 || ' days')::interval, now()
         from generate_series(?::int, ?::int) g`,
      [haveCustomers + 1, CUSTOMERS]
    )
  }
  const inStore = channels.findIndex((c: any) => c.name === "In-store")
  const [{ n: havePurchases }] = (await pg.raw(`select count(*)::int as n from engagement_purchase where order_id like 'order_bench%'`)).rows
  if (havePurchases < PURCHASES) {
    // Skewed like a shop: a few customers buy often, most once or twice. Every 50th order is canceled.
    await pg.raw(
      `insert into engagement_purchase (id, order_id, customer_id, email, sales_channel_id, currency_code, total, raw_total,
                                        placed_at, canceled_at, product_ids, order_updated_at, mode)
       select 'epur_bench' || g, 'order_bench' || g, 'cus_bench' || lpad(c::text, 8, '0'), 'bench-' || c || '@example.com',
              (?::jsonb ->> (g % 3)), 'eur', t, jsonb_build_object('value', t::text, 'precision', 20),
              now() - (random() * 730 || ' days')::interval,
              case when g % 50 = 0 then now() else null end,
              array[(?::jsonb ->> (g % ?))], now() - interval '1 day',
              -- the till's orders are in-store sales; a fifth of the online ones picked up
              case when g % 3 = ? then 'in_store' when g % 5 = 0 then 'pickup' else 'delivery' end
         from (select g, 1 + floor(power(random(), 2.5) * ?)::int as c, round((5 + random() * 200)::numeric, 2) as t
                 from generate_series(?::int, ?::int) g) s`,
      [
        JSON.stringify(channels.map((c: any) => c.id)),
        JSON.stringify(products.map((p: any) => p.id)),
        products.length,
        inStore,
        CUSTOMERS,
        havePurchases + 1,
        PURCHASES,
      ]
    )
  }
  // Purchases written before the read model had a mode: given theirs (once).
  const [{ n: withMode }] = (await pg.raw(`select count(*)::int as n from engagement_purchase where order_id like 'order_bench%' and mode <> 'delivery'`)).rows
  if (!withMode) {
    await pg.raw(
      `update engagement_purchase set mode = case when sales_channel_id = ? then 'in_store'
              when substr(order_id, 12)::int % 5 = 0 then 'pickup' else 'delivery' end
        where order_id like 'order_bench%'`,
      [channels[inStore].id]
    )
  }
  await pg.raw(`analyze engagement_purchase; analyze customer`)
  const seedSeconds = (Date.now() - seeded) / 1000

  // Twenty segments, their customer groups empty (created here without the first fill, which is what is timed).
  const web = channels.find((c: any) => c.name === "Web store")?.id
  const lastYear = new Date().getUTCFullYear() - 1
  const definitions = [
    { handle: "b-recent", rule: "recent_buyers", params: { days: 30 } },
    { handle: "b-category", rule: "category_buyers", params: { category_id: category } },
    { handle: "b-seasonal", rule: "seasonal_buyers", params: { from: `${lastYear}-12-01`, to: `${lastYear}-12-24` } },
    { handle: "b-abandoners", rule: "cart_abandoners", params: { idle_hours: 4, within_days: 30 } },
    { handle: "b-top", rule: "high_value", params: { top_percent: 10 } },
    { handle: "b-lapsed", rule: "lapsed", params: { days: 180, sales_channel_id: web } },
    { handle: "b-subscribers", rule: "subscribers", params: {} },
    { handle: "b-accounts", rule: "account_holders", params: {} },
    { handle: "b-omni", rule: "omnichannel", params: { days: 365, min_channels: 2 } },
    ...RFM_GROUPS.map((g) => ({ handle: `b-rfm-${g}`, rule: "rfm", params: { group: g } })),
  ]
  const old = await engagement.listSegments({ handle: definitions.map((d) => d.handle) })
  if (old.length) {
    await pg.raw(`delete from engagement_segment_member where segment_id = any(?)`, [old.map((s: any) => s.id)])
    await customerModule.deleteCustomerGroups(old.map((s: any) => s.customer_group_id).filter(Boolean))
    await engagement.deleteSegments(old.map((s: any) => s.id))
  }
  const segmentIds: string[] = []
  for (const d of definitions) {
    const segment = await engagement.createSegments({ ...d, name: `Bench ${d.handle}` })
    const group = await customerModule.createCustomerGroups({ name: `Bench ${d.handle} ${segment.id}`, metadata: { omnichannel_segment_id: segment.id } })
    await engagement.updateSegments({ id: segment.id, customer_group_id: group.id })
    segmentIds.push(segment.id)
  }

  const timeRefresh = async () => {
    const t = performance.now()
    const { result } = await refreshSegmentsWorkflow(container).run({ input: { segment_ids: segmentIds } })
    return { seconds: (performance.now() - t) / 1000, added: result.reduce((s: number, r: any) => s + r.added, 0), removed: result.reduce((s: number, r: any) => s + r.removed, 0) }
  }
  const first = await timeRefresh()
  const again = await timeRefresh()
  const counts = await engagement.countMembers(segmentIds)
  const members = Object.fromEntries(definitions.map((d, i) => [d.handle, counts.get(segmentIds[i])]))

  // Incremental: real orders (the history customer's, from seed-history), each recorded and its customer's 20 segments updated.
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], pagination: { take: INCREMENTAL_RUNS + 20 } } as any)
  const times: number[] = []
  const syncTimes: number[] = []
  for (let i = 0; i < orders.length; i++) {
    const t = performance.now()
    const { result } = await recordOrderEngagementWorkflow(container).run({ input: { order_ids: [orders[i].id] } })
    const recorded = performance.now()
    // For comparison: the same customer's segments alone (what a cart or profile change runs).
    await syncCustomerSegmentsWorkflow(container).run({ input: { customer_id: result.customer_ids[0] } })
    if (i >= 20) {
      // the first 20 warm up
      times.push(recorded - t)
      syncTimes.push(performance.now() - recorded)
    }
  }
  const pct = (samples: number[], q: number) => {
    const s = [...samples].sort((a, b) => a - b)
    return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
  }
  const p = (q: number) => pct(times, q)
  console.log(
    `BENCH_SEGMENTS ${JSON.stringify({
      customers: CUSTOMERS,
      purchases: PURCHASES,
      segments: segmentIds.length,
      seed_seconds: seedSeconds,
      first_refresh: first,
      second_refresh: again,
      members,
      incremental: {
        runs: times.length,
        p50: p(0.5),
        p95: p(0.95),
        segments_only: { p50: pct(syncTimes, 0.5), p95: pct(syncTimes, 0.95) },
      },
    })}`
  )
}
