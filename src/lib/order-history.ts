import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type { ILoyaltyModuleService, LoyaltyEntryRow, IPickupModuleService } from "../types/modules"
import type { PickupOrderRow } from "./pickup-desk"
import { LoyaltyEntryType } from "../modules/loyalty/types"
import { PICKUP_MODULE } from "../modules/pickup"
import type { StoreOrderHistoryResponse } from "../types/http"
import { readOrderProgress } from "./order-progress-read"

export type HistoryQuery = { limit: number; offset: number; channel?: string; status?: string }

type Named = { id: string; name: string }
/** An order as the history reads it. */
type HistoryOrder = {
  id: string
  display_id: number
  created_at: string | Date
  status: string
  currency_code: string
  total: number
  subtotal: number
  tax_total: number
  shipping_total: number
  sales_channel_id: string | null
  metadata: { store_location_id?: string; in_store?: boolean } | null
}

/**
 * One history across channels: the customer's orders newest first (one order
 * query, paginated in the database), then, for that page only, their pickups,
 * points and stores in three batched reads.
 */
export async function customerHistory(container: MedusaContainer, customerId: string, q: HistoryQuery): Promise<StoreOrderHistoryResponse> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const filters: Record<string, unknown> = { customer_id: customerId }
  if (q.status) filters.status = q.status
  if (q.channel) {
    const { data } = await query.graph({ entity: "sales_channel", fields: ["id", "name"] })
    const wanted = q.channel.toLowerCase()
    const match = (data as Named[]).filter((c) => c.id === q.channel || String(c.name).toLowerCase() === wanted)
    filters.sales_channel_id = match.length ? match.map((c) => c.id) : ["none"]
  }
  const { data: orderRows, metadata } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "created_at",
      "status",
      "currency_code",
      "total",
      "subtotal",
      "tax_total",
      "shipping_total",
      "sales_channel_id",
      "metadata",
    ],
    filters,
    pagination: { take: q.limit, skip: q.offset, order: { created_at: "DESC" } },
  })
  // Via unknown: Medusa's generated query types call display_id a string; it is a number.
  const orders = orderRows as unknown as HistoryOrder[]
  const ids = orders.map((o) => o.id)
  const pickupService: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const loyalty: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [pickups, entries, { data: channelRows }, progress] = await Promise.all([
    ids.length
      ? pickupService.listPickupOrders({ order_id: ids }, { select: ["id", "order_id", "status", "location_id"] })
      : ([] as PickupOrderRow[]),
    ids.length
      ? loyalty.listLoyaltyEntries({ order_id: ids }, { select: ["order_id", "type", "points"] })
      : ([] as LoyaltyEntryRow[]),
    query.graph({ entity: "sales_channel", fields: ["id", "name"] }),
    readOrderProgress(container, ids),
  ])
  const channels = channelRows as Named[]
  const locationIds = [
    ...new Set([
      ...pickups.map((p) => p.location_id),
      ...orders.flatMap((o) => (o.metadata?.store_location_id ? [o.metadata.store_location_id] : [])),
    ]),
  ]
  const { data: locationRows } = locationIds.length
    ? await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: locationIds } })
    : { data: [] }
  const locations = locationRows as Named[]
  const nameOf = (id?: string | null) => (id ? locations.find((l) => l.id === id)?.name ?? null : null)
  const channelName = (id?: string | null) => channels.find((c) => c.id === id)?.name ?? null

  return {
    orders: orders.map((o) => {
      const pickup = pickups.find((p) => p.order_id === o.id)
      const mine = entries.filter((e) => e.order_id === o.id)
      const storeId = pickup?.location_id ?? o.metadata?.store_location_id ?? null
      const earned = mine.filter((e) => e.type === LoyaltyEntryType.EARN).reduce((s, e) => s + e.points, 0)
      const reversed = mine.filter((e) => e.type === LoyaltyEntryType.REVERSE && e.points < 0).reduce((s, e) => s - e.points, 0)
      const redeemed = mine.filter((e) => e.type === LoyaltyEntryType.REDEEM).reduce((s, e) => s - e.points, 0)
      return {
        id: o.id,
        display_id: o.display_id,
        created_at: o.created_at,
        channel: { id: o.sales_channel_id, name: channelName(o.sales_channel_id) },
        store: storeId ? { id: storeId, name: nameOf(storeId) } : null,
        mode: pickup ? "pickup" : o.metadata?.in_store ? "in_store" : "delivery",
        status: o.status,
        pickup_status: pickup?.status ?? null,
        currency_code: o.currency_code,
        total: o.total,
        subtotal: o.subtotal,
        tax_total: o.tax_total,
        shipping_total: o.shipping_total,
        points_earned: Math.max(0, earned - reversed),
        points_redeemed: redeemed,
        progress: progress.get(o.id)!,
      }
    }),
    count: metadata?.count ?? orders.length,
    limit: q.limit,
    offset: q.offset,
  }
}
