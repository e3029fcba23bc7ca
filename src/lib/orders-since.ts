import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * What a shopper ordered since a moment, read from the Order Module itself
 * (any channel; not the plugin's read model, which an event may not have
 * reached yet): how many orders, and their products. By customer, or by
 * email for a guest.
 */
export async function ordersSince(
  container: MedusaContainer,
  shopper: { customer_id: string | null; email: string | null; since: Date }
): Promise<{ orders: number; product_ids: Set<string> }> {
  const who = [
    ...(shopper.customer_id ? [{ customer_id: shopper.customer_id }] : []),
    ...(shopper.email ? [{ email: shopper.email.toLowerCase() }, { email: shopper.email }] : []),
  ]
  if (!who.length) return { orders: 0, product_ids: new Set() }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "status", "items.product_id"],
    filters: { $or: who, created_at: { $gt: shopper.since } },
  })
  type Row = { id: string; status: string; items: ({ product_id: string | null } | null)[] | null }
  const live = (data as unknown as Row[]).filter((o) => o.status !== "canceled")
  return {
    orders: live.length,
    product_ids: new Set(live.flatMap((o) => (o.items ?? []).flatMap((i) => (i?.product_id ? [i.product_id] : [])))),
  }
}
