import type { FilterableCartProps, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { subDays, subHours } from "date-fns"
import { ENGAGEMENT_DEFAULTS, type SegmentParams } from "../modules/engagement/types"
import type { IEngagementModuleService } from "../types/modules"

/** An open cart idle long enough to be abandoned, with what the reminder shows. */
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
  // FilterableCartProps types neither `email` nor a null `completed_at` nor a Date bound, though the Cart Module filters by them.
  const filters = {
    completed_at: null,
    email: { $ne: null },
    // an item's change is newer than the cart's: read a little wider, decide on the latest change below
    updated_at: { $gte: o.notBefore },
    ...(o.customerIds ? { customer_id: o.customerIds } : {}),
    ...(o.salesChannelIds ? { sales_channel_id: o.salesChannelIds } : {}),
    ...(o.cartIds ? { id: o.cartIds } : {}),
  } as unknown as FilterableCartProps
  const data = await cartModule.listCarts(filters, {
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
  })
  const carts: IdleCart[] = []
  for (const c of data) {
    const items = (c.items ?? []).filter((i) => i && Number(i.quantity) > 0)
    if (!items.length) continue
    const last = Math.max(new Date(c.updated_at!).getTime(), ...items.map((i) => new Date(i.updated_at!).getTime()))
    if (last >= o.idleSince.getTime() || last < o.notBefore.getTime()) continue
    carts.push({
      id: c.id,
      email: c.email ?? null,
      customer_id: c.customer_id ?? null,
      sales_channel_id: c.sales_channel_id ?? null,
      currency_code: c.currency_code,
      last_activity_at: new Date(last),
      items: items.map((i) => ({
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

/**
 * Customers with a cart that has items and an email, not completed, idle
 * (no change to the cart or its items) longer than `idle_hours` but less
 * than `within_days`, and no standing order on any channel since it was
 * last changed (by customer or by email).
 */
export async function cartAbandoners(
  container: MedusaContainer,
  engagement: IEngagementModuleService,
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
