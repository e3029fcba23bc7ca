import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { addDays, subDays, subHours } from "date-fns"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type EngagementModuleService from "../modules/engagement/service"
import type { PurchaseFilter, ScopedFacts } from "../modules/engagement/service"
import {
  ENGAGEMENT_DEFAULTS,
  SegmentRule,
  type RfmGroup,
  type SegmentParams,
  type SegmentState,
} from "../modules/engagement/types"
import { rfmBoundaries, rfmGroups, type RfmBoundaries, type RfmFacts } from "./rfm"

export type SegmentDefinition = {
  id: string
  rule: SegmentRule | `${SegmentRule}`
  params: SegmentParams
  state?: SegmentState | null
}

export type SegmentResult = {
  /** the members (within the scope when one is given) */
  members: string[]
  /** what the next incremental update reuses; only a full evaluation measures it */
  state?: SegmentState
}

/** JSON keeps no Infinity: a boundary no value reaches is stored as null. */
const storeBounds = (b: RfmBoundaries) => ({
  recency: b.recency.map((v) => (Number.isFinite(v) ? v : null)),
  frequency: b.frequency.map((v) => (Number.isFinite(v) ? v : null)),
  monetary: b.monetary.map((v) => (Number.isFinite(v) ? v : null)),
})
const loadBounds = (s: any): RfmBoundaries | null =>
  s?.recency
    ? {
        recency: s.recency.map((v: number | null) => v ?? Number.POSITIVE_INFINITY),
        frequency: s.frequency.map((v: number | null) => v ?? Number.POSITIVE_INFINITY),
        monetary: s.monetary.map((v: number | null) => v ?? Number.POSITIVE_INFINITY),
      }
    : null

/** The first moment after an inclusive ISO end date (the window ends with its last day, UTC). */
export const endOfWindow = (to: string) => addDays(new Date(`${to}T00:00:00Z`), 1)

/**
 * The top `percent` of buyers by spend: the spend of the last buyer inside
 * ceil(n × percent / 100). Everyone spending at least as much is in (a tie
 * at the edge is not cut arbitrarily).
 */
export function topShareThreshold(spends: number[], percent: number): number | null {
  if (!spends.length) return null
  const sorted = [...spends].sort((a, b) => b - a)
  const k = Math.max(1, Math.ceil((sorted.length * percent) / 100))
  return sorted[Math.min(k, sorted.length) - 1]
}

/**
 * Evaluates segments: everyone's membership (`customerIds` null, the full
 * refresh, which also measures thresholds and quintiles) or only these
 * customers' (an incremental update after an order, a cart or a customer
 * changed, against the last refresh's thresholds). Reads are shared between
 * segments of one call: the buyers' facts once, the customers once.
 */
export async function evaluateSegments(
  container: MedusaContainer,
  segments: SegmentDefinition[],
  options: { now: Date; customerIds: string[] | null }
): Promise<Map<string, SegmentResult>> {
  const engagement = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
  const { now, customerIds } = options
  const scope = customerIds
  const results = new Map<string, SegmentResult>()
  // No one to evaluate (an order without a customer): nobody is a member of anything.
  if (scope && !scope.length) {
    for (const segment of segments) results.set(segment.id, { members: [] })
    return results
  }

  const memo = new Map<string, Promise<any>>()
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load())
    return memo.get(key)!
  }
  // An incremental update asks every purchase rule of every segment in one statement over the customers' own rows.
  const scoped = scope ? scopedFactsLoader(engagement, scope) : null
  const factsUnder = async (filter: PurchaseFilter) => {
    const rows = await scoped!(filter)
    return scope!.flatMap((id) => {
      const f = rows.get(id)
      return f && f.orders > 0 ? [{ customer_id: id, ...f }] : []
    })
  }
  const buyers = async (filter: PurchaseFilter) =>
    scoped ? (await factsUnder(filter)).map((f) => f.customer_id) : engagement.listBuyers({ ...filter, customer_ids: null })
  const lapsed = async (filter: PurchaseFilter, before: Date) =>
    scoped
      ? (await factsUnder(filter)).filter((f) => f.last_order_at! < before.getTime()).map((f) => f.customer_id)
      : engagement.listLapsed({ ...filter, customer_ids: null }, before)
  const multichannel = async (filter: PurchaseFilter, min: number) =>
    scoped
      ? (await factsUnder(filter)).filter((f) => f.channels >= min).map((f) => f.customer_id)
      : engagement.listMultichannel({ ...filter, customer_ids: null }, min)
  const facts = (currency?: string | null, channel?: string | null): Promise<RfmFacts[]> =>
    once(`facts:${currency ?? ""}:${channel ?? ""}`, async () =>
      scoped
        ? (await factsUnder({ currency_code: currency, sales_channel_id: channel })).map((f) => ({
            customer_id: f.customer_id,
            last_order_at: f.last_order_at!,
            orders: f.orders,
            spend: f.spend,
          }))
        : engagement.buyerFacts({ currency_code: currency, sales_channel_id: channel })
    )
  const customers = () =>
    once("customers", async () => {
      const customerModule = container.resolve(Modules.CUSTOMER)
      return (await customerModule.listCustomers(scope ? { id: scope } : {}, {
        select: ["id", "has_account", "metadata"],
        take: null,
      } as any)) as { id: string; has_account: boolean; metadata: Record<string, unknown> | null }[]
    })

  // Evaluated side by side: each is one indexed query for one customer, shared reads are memoised.
  const evaluateOne = async (segment: SegmentDefinition): Promise<SegmentResult> => {
    const p = segment.params ?? {}
    const channel = p.sales_channel_id ?? null
    let result: SegmentResult
    switch (segment.rule) {
      case SegmentRule.RECENT_BUYERS:
        result = {
          members: await buyers({ since: subDays(now, p.days!), sales_channel_id: channel }),
        }
        break
      case SegmentRule.CATEGORY_BUYERS:
        result = {
          members: await buyers({
            since: p.days ? subDays(now, p.days) : null,
            sales_channel_id: channel,
            product_ids: await once(`category:${p.category_id}`, () =>
              scope ? recentProductsInCategory(container, p.category_id!) : productsInCategory(container, p.category_id!)
            ),
          }),
        }
        break
      case SegmentRule.SEASONAL_BUYERS:
        result = {
          members: await buyers({
            since: new Date(`${p.from}T00:00:00Z`),
            before: endOfWindow(p.to!),
            sales_channel_id: channel,
          }),
        }
        break
      case SegmentRule.LAPSED:
        result = {
          members: await lapsed({ sales_channel_id: channel }, subDays(now, p.days!)),
        }
        break
      case SegmentRule.OMNICHANNEL:
        result = {
          members: await multichannel(
            { since: subDays(now, p.days ?? ENGAGEMENT_DEFAULTS.omnichannel_days) },
            p.min_channels ?? ENGAGEMENT_DEFAULTS.min_channels
          ),
        }
        break
      case SegmentRule.HIGH_VALUE: {
        const rows = await facts(p.currency_code, channel)
        if (p.min_spend !== undefined) {
          result = { members: rows.filter((r: RfmFacts) => r.spend >= p.min_spend!).map((r: RfmFacts) => r.customer_id) }
          break
        }
        // The threshold ranks every buyer: measured by the full refresh, reused by an incremental update.
        const threshold = scope
          ? segment.state?.threshold ?? topShareThreshold((await engagement.buyerFacts({ currency_code: p.currency_code, sales_channel_id: channel })).map((r) => r.spend), p.top_percent!)
          : topShareThreshold(rows.map((r: RfmFacts) => r.spend), p.top_percent!)
        result = {
          members: threshold === null ? [] : rows.filter((r: RfmFacts) => r.spend >= threshold && r.spend > 0).map((r: RfmFacts) => r.customer_id),
          ...(scope ? {} : { state: { threshold } }),
        }
        break
      }
      case SegmentRule.SUBSCRIBERS:
        result = {
          members: (await customers()).filter((c) => c.metadata?.accepts_marketing === true).map((c) => c.id),
        }
        break
      case SegmentRule.ACCOUNT_HOLDERS:
        result = { members: (await customers()).filter((c) => c.has_account).map((c) => c.id) }
        break
      case SegmentRule.RFM: {
        const group = p.group as RfmGroup
        const rows: RfmFacts[] = await facts()
        if (group === "prospects") {
          const buyers = new Set(rows.map((r) => r.customer_id))
          // an incremental update whose customers all bought needs no read of the customers
          result = {
            members: scope?.every((id) => buyers.has(id))
              ? []
              : (await customers()).filter((c) => !buyers.has(c.id)).map((c) => c.id),
          }
          break
        }
        const bounds = await once("rfm-bounds", async () =>
          scope
            ? loadBounds(segment.state?.rfm) ?? rfmBoundaries(await engagement.buyerFacts({}))
            : rfmBoundaries(rows)
        )
        const groups = await once("rfm-groups", async () => rfmGroups(rows, bounds))
        result = {
          members: [...groups].filter(([, g]) => g === group).map(([id]) => id),
          ...(scope ? {} : { state: { rfm: storeBounds(bounds) as any } }),
        }
        break
      }
      case SegmentRule.CART_ABANDONERS: {
        // A customer with a standing order placed within the idle time has bought since any cart of theirs went idle:
        // no cart to read for them (the common case of an incremental update after an order).
        const idleSince = subHours(now, p.idle_hours ?? ENGAGEMENT_DEFAULTS.idle_hours)
        let candidates = scope
        if (scoped) {
          const orderedSince = new Set((await factsUnder({ since: idleSince })).map((f) => f.customer_id))
          candidates = scope!.filter((id) => !orderedSince.has(id))
        }
        result = { members: candidates && !candidates.length ? [] : await cartAbandoners(container, engagement, p, now, candidates) }
        break
      }
      default:
        result = { members: [] }
    }
    return result
  }
  const evaluated = await Promise.all(segments.map(evaluateOne))
  segments.forEach((segment, i) => results.set(segment.id, evaluated[i]))
  return results
}

/**
 * Collects the purchase filters the segments of one evaluation ask for (in
 * the same turn of the event loop, as they start side by side) and answers
 * them with one statement over the customers' rows; a filter asked later
 * (a category's products read first) goes in the next statement.
 */
function scopedFactsLoader(engagement: EngagementModuleService, customerIds: string[]) {
  let batch: { filters: PurchaseFilter[]; result: Promise<Map<string, ScopedFacts[]>> } | null = null
  const answered = new Map<string, Promise<Map<string, ScopedFacts | undefined>>>()
  return (filter: PurchaseFilter): Promise<Map<string, ScopedFacts | undefined>> => {
    const key = JSON.stringify(filter)
    if (!answered.has(key)) {
      if (!batch) {
        const b = { filters: [] as PurchaseFilter[], result: null as any }
        b.result = new Promise((resolve, reject) =>
          setImmediate(() => {
            batch = null
            engagement.scopedFacts(customerIds, b.filters).then(resolve, reject)
          })
        )
        batch = b
      }
      const b = batch
      const index = b.filters.push(filter) - 1
      answered.set(
        key,
        b.result.then((rows) => new Map(customerIds.map((id) => [id, rows.get(id)?.[index]])))
      )
    }
    return answered.get(key)!
  }
}

/**
 * An incremental update (one per order) reuses a category's products read
 * within the last minute by this process; the full refresh always reads
 * them afresh, so a product moved between categories counts by the next
 * refresh at the latest.
 */
const CATEGORY_TTL_MS = 60_000
const categoryProducts = new Map<string, { at: number; ids: string[] }>()
async function recentProductsInCategory(container: MedusaContainer, categoryId: string) {
  const hit = categoryProducts.get(categoryId)
  if (hit && Date.now() - hit.at < CATEGORY_TTL_MS) return hit.ids
  const ids = await productsInCategory(container, categoryId)
  categoryProducts.set(categoryId, { at: Date.now(), ids })
  return ids
}

/** The products of a category and of every category under it. */
async function productsInCategory(container: MedusaContainer, categoryId: string): Promise<string[]> {
  const productModule = container.resolve(Modules.PRODUCT)
  const categories = await productModule.listProductCategories({}, { select: ["id", "parent_category_id"], take: null } as any)
  const ids = new Set([categoryId])
  for (let grew = true; grew; ) {
    grew = false
    for (const c of categories as any[]) {
      if (c.parent_category_id && ids.has(c.parent_category_id) && !ids.has(c.id)) {
        ids.add(c.id)
        grew = true
      }
    }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { categories: { id: [...ids] } } as any })
  return data.map((p: any) => p.id)
}

/**
 * Customers with a cart that has items and an email, not completed, idle
 * (no change to the cart or its items) longer than `idle_hours` but less
 * than `within_days`, and no standing order on any channel since it was
 * last changed (by customer or by email).
 */
export async function cartAbandoners(
  container: MedusaContainer,
  engagement: EngagementModuleService,
  p: SegmentParams,
  now: Date,
  scope: string[] | null
): Promise<string[]> {
  const carts = await listIdleCarts(container, {
    idleSince: subHours(now, p.idle_hours ?? ENGAGEMENT_DEFAULTS.idle_hours),
    notBefore: subDays(now, p.within_days ?? ENGAGEMENT_DEFAULTS.within_days),
    customerIds: scope,
  })
  const bought = await engagement.listBoughtSince(
    carts.map((c) => ({ key: c.id, customer_id: c.customer_id, email: c.email, since: c.last_activity_at }))
  )
  return [...new Set(carts.filter((c) => !bought.has(c.id) && c.customer_id).map((c) => c.customer_id!))]
}

export type IdleCart = {
  id: string
  email: string | null
  customer_id: string | null
  sales_channel_id: string | null
  currency_code: string
  last_activity_at: Date
  items: { id: string; product_id: string | null; variant_id: string | null; title: string; thumbnail: string | null; quantity: number; unit_price: number }[]
}

/** Open carts with an email and items whose last change (to the cart or an item) falls in [notBefore, idleSince). */
export async function listIdleCarts(
  container: MedusaContainer,
  o: { idleSince: Date; notBefore: Date; customerIds?: string[] | null; salesChannelIds?: string[]; cartIds?: string[] }
): Promise<IdleCart[]> {
  // The Cart Module directly: carts and their items are its own (no link to follow), a third cheaper than query.graph.
  const cartModule = container.resolve(Modules.CART)
  const data = await cartModule.listCarts(
    {
      completed_at: null,
      email: { $ne: null },
      // an item's change is newer than the cart's: read a little wider, decide on the latest change below
      updated_at: { $gte: o.notBefore },
      ...(o.customerIds ? { customer_id: o.customerIds } : {}),
      ...(o.salesChannelIds ? { sales_channel_id: o.salesChannelIds } : {}),
      ...(o.cartIds ? { id: o.cartIds } : {}),
    } as any,
    {
      select: [
        "id",
        "email",
        "customer_id",
        "sales_channel_id",
        "currency_code",
        "updated_at",
        "items.id",
        "items.updated_at",
        "items.product_id",
        "items.variant_id",
        "items.title",
        "items.thumbnail",
        "items.quantity",
        "items.unit_price",
      ],
      relations: ["items"],
      take: null,
    } as any
  )
  const carts: IdleCart[] = []
  for (const c of data as any[]) {
    const items = (c.items ?? []).filter((i: any) => i && Number(i.quantity) > 0)
    if (!items.length) continue
    const last = Math.max(new Date(c.updated_at).getTime(), ...items.map((i: any) => new Date(i.updated_at).getTime()))
    if (last >= o.idleSince.getTime() || last < o.notBefore.getTime()) continue
    carts.push({
      id: c.id,
      email: c.email,
      customer_id: c.customer_id ?? null,
      sales_channel_id: c.sales_channel_id ?? null,
      currency_code: c.currency_code,
      last_activity_at: new Date(last),
      items: items.map((i: any) => ({
        id: i.id,
        product_id: i.product_id ?? null,
        variant_id: i.variant_id ?? null,
        title: i.title,
        thumbnail: i.thumbnail ?? null,
        quantity: Number(i.quantity),
        unit_price: Number(i.unit_price),
      })),
    })
  }
  return carts
}
