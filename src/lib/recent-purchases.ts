import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subDays } from "date-fns"

/** One line of an order placed on any channel (web, app, till) that still stands. */
export type RecentPurchase = {
  customer_id: string | null
  email: string | null
  order_id: string
  order_display_id: number | null
  line_item_id: string
  product_id: string | null
  product_title: string | null
  variant_id: string | null
  variant_title: string | null
  sku: string | null
  quantity: number
  sales_channel_id: string | null
  channel: string | null
  bought_at: string
}

export type RecentPurchaseFilter = {
  /** only this customer's orders */
  customer_id?: string
  since: Date
  /** up to (a CSV export fixes it when it starts, so orders placed meanwhile don't shift its pages) */
  until?: Date
  limit: number
  offset: number
}

/** Orders that count as bought: not canceled (a cancellation takes its lines out) and not drafts. */
const STANDING = { $nin: ["canceled", "draft"] }

/**
 * What was bought since a date, newest first, one row per order line, from
 * the orders themselves (so an order counts the moment it is placed and stops
 * counting the moment it is canceled, on every instance, with nothing to
 * keep in step). A line taken off an order by an edit (quantity 0) is not a
 * purchase. Paged by order: `count` is the number of orders.
 */
export async function listRecentPurchases(
  container: MedusaContainer,
  filter: RecentPurchaseFilter
): Promise<{ purchases: RecentPurchase[]; count: number }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders, metadata } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "customer_id",
      "created_at",
      "sales_channel_id",
      "sales_channel.name",
      "items.id",
      "items.quantity",
      "items.product_id",
      "items.product_title",
      "items.variant_id",
      "items.variant_title",
      "items.variant_sku",
    ],
    filters: {
      created_at: { $gte: filter.since, ...(filter.until ? { $lte: filter.until } : {}) },
      status: STANDING,
      ...(filter.customer_id ? { customer_id: filter.customer_id } : {}),
    },
    // The id breaks ties of orders placed in the same millisecond, so pages neither repeat nor skip one.
    pagination: { skip: filter.offset, take: filter.limit, order: { created_at: "DESC", id: "DESC" } },
  })
  const purchases: RecentPurchase[] = []
  for (const o of orders) {
    for (const item of o.items ?? []) {
      const quantity = Number(item?.quantity ?? 0)
      if (!item || quantity <= 0) continue
      purchases.push({
        customer_id: o.customer_id ?? null,
        email: o.email ?? null,
        order_id: o.id,
        // The generated query types call display_id a String; Medusa stores an integer (OrderDTO: number).
        order_display_id: (o.display_id as unknown as number | null) ?? null,
        line_item_id: item.id,
        product_id: item.product_id ?? null,
        product_title: item.product_title ?? null,
        variant_id: item.variant_id ?? null,
        variant_title: item.variant_title ?? null,
        sku: item.variant_sku ?? null,
        quantity,
        sales_channel_id: o.sales_channel_id ?? null,
        channel: o.sales_channel?.name ?? null,
        bought_at: new Date(o.created_at).toISOString(),
      })
    }
  }
  return { purchases, count: metadata?.count ?? orders.length }
}

export const sinceDaysAgo = (days: number, now = new Date()) => subDays(now, days)

/**
 * The products a shopper bought recently, each once with the last time
 * (for a storefront leaving them out of recommendations).
 */
export function distinctProducts(purchases: RecentPurchase[]) {
  const byProduct = new Map<string, { product_id: string; product_title: string | null; variant_ids: string[]; last_bought_at: string }>()
  for (const p of purchases) {
    if (!p.product_id) continue
    const seen = byProduct.get(p.product_id)
    if (!seen) {
      byProduct.set(p.product_id, { product_id: p.product_id, product_title: p.product_title, variant_ids: p.variant_id ? [p.variant_id] : [], last_bought_at: p.bought_at })
    } else {
      if (p.variant_id && !seen.variant_ids.includes(p.variant_id)) seen.variant_ids.push(p.variant_id)
      if (p.bought_at > seen.last_bought_at) seen.last_bought_at = p.bought_at
    }
  }
  return [...byProduct.values()].sort((a, b) => (a.last_bought_at < b.last_bought_at ? 1 : -1))
}

const CSV_COLUMNS: (keyof RecentPurchase)[] = [
  "customer_id",
  "email",
  "product_id",
  "product_title",
  "variant_id",
  "variant_title",
  "sku",
  "quantity",
  "channel",
  "order_id",
  "bought_at",
]

/** RFC 4180: every field quoted when it holds a comma, quote or line break; a leading =, +, -, @, tab or CR is defused for spreadsheets. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return ""
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function recentPurchasesCsv(purchases: RecentPurchase[]): string {
  const lines = [CSV_COLUMNS.join(",")]
  for (const p of purchases) lines.push(CSV_COLUMNS.map((c) => csvField(p[c])).join(","))
  return lines.join("\r\n") + "\r\n"
}
