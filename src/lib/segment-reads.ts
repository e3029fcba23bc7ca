import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { PurchaseFilter, RfmFacts, ScopedFacts } from "../modules/engagement/types"
import type { IEngagementModuleService } from "../types/modules"

type CustomerRow = { id: string; has_account: boolean; metadata: Record<string, unknown> | null }

/**
 * What the rules of one evaluation read, shared between its segments: the
 * read model's answers for everyone (a full refresh) or for the scope's
 * customers (an incremental update: every purchase filter in one statement
 * over their own rows), and the customers, each read once.
 */
export type SegmentReads = {
  container: MedusaContainer
  engagement: IEngagementModuleService
  now: Date
  /** only these customers (an incremental update), or everyone (null) */
  scope: string[] | null
  /** a read made once per evaluation, by key */
  once<T>(key: string, load: () => Promise<T>): Promise<T>
  /** customers with a standing order under the filter */
  buyers(filter: PurchaseFilter): Promise<string[]>
  /** customers whose last standing order under the filter is before `before` */
  lapsed(filter: PurchaseFilter, before: Date): Promise<string[]>
  /** customers who bought on at least `min` channels under the filter */
  multichannel(filter: PurchaseFilter, min: number): Promise<string[]>
  /** each buyer's RFM facts in a currency and channel (or all) */
  facts(currency?: string | null, channel?: string | null): Promise<RfmFacts[]>
  customers(): Promise<CustomerRow[]>
  /** a category's products, its subcategories' included */
  categoryProducts(categoryId: string): Promise<string[]>
}

/** The reads of one evaluation, for everyone (`scope` null) or some customers. */
export function segmentReads(
  container: MedusaContainer,
  engagement: IEngagementModuleService,
  now: Date,
  scope: string[] | null
): SegmentReads {
  const memo = new Map<string, Promise<unknown>>()
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load())
    // set just above from load(), whose type this key always has
    return memo.get(key) as Promise<T>
  }
  const customers = () =>
    once("customers", async (): Promise<CustomerRow[]> => {
      const customerModule = container.resolve(Modules.CUSTOMER)
      const rows = await customerModule.listCustomers(scope ? { id: scope } : {}, {
        select: ["id", "has_account", "metadata"],
        take: null,
      })
      return rows.map((c) => ({ id: c.id, has_account: c.has_account, metadata: c.metadata ?? null }))
    })
  const categoryProducts = (categoryId: string) =>
    once(`category:${categoryId}`, () =>
      scope ? recentProductsInCategory(container, categoryId) : productsInCategory(container, categoryId)
    )
  const base = { container, engagement, now, scope, once, customers, categoryProducts }
  return scope ? { ...base, ...scopedReads(engagement, scope, once) } : { ...base, ...everyoneReads(engagement, once) }
}

/** A full refresh: set-based statements over every buyer. */
function everyoneReads(engagement: IEngagementModuleService, once: SegmentReads["once"]) {
  return {
    buyers: (filter: PurchaseFilter) => engagement.listBuyers({ ...filter, customer_ids: null }),
    lapsed: (filter: PurchaseFilter, before: Date) => engagement.listLapsed({ ...filter, customer_ids: null }, before),
    multichannel: (filter: PurchaseFilter, min: number) => engagement.listMultichannel({ ...filter, customer_ids: null }, min),
    facts: (currency?: string | null, channel?: string | null) =>
      once(`facts:${currency ?? ""}:${channel ?? ""}`, () =>
        engagement.buyerFacts({ currency_code: currency, sales_channel_id: channel })
      ),
  }
}

/** An incremental update: every rule decides from the scope's own rows, summed per filter. */
function scopedReads(engagement: IEngagementModuleService, scope: string[], once: SegmentReads["once"]) {
  const scoped = scopedFactsLoader(engagement, scope)
  const factsUnder = async (filter: PurchaseFilter) => {
    const rows = await scoped(filter)
    return scope.flatMap((id) => {
      const f = rows.get(id)
      return f && f.orders > 0 ? [{ customer_id: id, ...f }] : []
    })
  }
  return {
    buyers: async (filter: PurchaseFilter) => (await factsUnder(filter)).map((f) => f.customer_id),
    lapsed: async (filter: PurchaseFilter, before: Date) =>
      (await factsUnder(filter)).filter((f) => f.last_order_at! < before.getTime()).map((f) => f.customer_id),
    multichannel: async (filter: PurchaseFilter, min: number) =>
      (await factsUnder(filter)).filter((f) => f.channels >= min).map((f) => f.customer_id),
    facts: (currency?: string | null, channel?: string | null) =>
      once(`facts:${currency ?? ""}:${channel ?? ""}`, async (): Promise<RfmFacts[]> =>
        (await factsUnder({ currency_code: currency, sales_channel_id: channel })).map((f) => ({
          customer_id: f.customer_id,
          last_order_at: f.last_order_at!,
          orders: f.orders,
          spend: f.spend,
        }))
      ),
  }
}

/**
 * Collects the purchase filters the segments of one evaluation ask for (in
 * the same turn of the event loop, as they start side by side) and answers
 * them with one statement over the customers' rows; a filter asked later
 * (a category's products read first) goes in the next statement.
 */
function scopedFactsLoader(engagement: IEngagementModuleService, customerIds: string[]) {
  type Batch = { filters: PurchaseFilter[]; result: Promise<Map<string, ScopedFacts[]>> }
  let batch: Batch | null = null
  const answered = new Map<string, Promise<Map<string, ScopedFacts | undefined>>>()
  return (filter: PurchaseFilter): Promise<Map<string, ScopedFacts | undefined>> => {
    const key = JSON.stringify(filter)
    if (!answered.has(key)) {
      if (!batch) {
        const filters: PurchaseFilter[] = []
        const result = new Promise<Map<string, ScopedFacts[]>>((resolve, reject) =>
          setImmediate(() => {
            batch = null
            engagement.scopedFacts(customerIds, filters).then(resolve, reject)
          })
        )
        batch = { filters, result }
      }
      const b: Batch = batch
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
const categoryProductsCache = new Map<string, { at: number; ids: string[] }>()
async function recentProductsInCategory(container: MedusaContainer, categoryId: string) {
  const hit = categoryProductsCache.get(categoryId)
  if (hit && Date.now() - hit.at < CATEGORY_TTL_MS) return hit.ids
  const ids = await productsInCategory(container, categoryId)
  categoryProductsCache.set(categoryId, { at: Date.now(), ids })
  return ids
}

/** The products of a category and of every category under it. */
async function productsInCategory(container: MedusaContainer, categoryId: string): Promise<string[]> {
  const productModule = container.resolve(Modules.PRODUCT)
  const categories = await productModule.listProductCategories({}, { select: ["id", "parent_category_id"], take: null })
  const ids = new Set([categoryId])
  for (let grew = true; grew; ) {
    grew = false
    for (const c of categories) {
      if (c.parent_category_id && ids.has(c.parent_category_id) && !ids.has(c.id)) {
        ids.add(c.id)
        grew = true
      }
    }
  }
  const products = await productModule.listProducts({ categories: { id: [...ids] } }, { select: ["id"], take: null })
  return products.map((p) => p.id)
}
