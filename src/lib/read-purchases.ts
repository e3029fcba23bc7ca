import { Modules } from "@medusajs/framework/utils"
import type { FilterableOrderProps, FindConfig, MedusaContainer, OrderDTO, OrderLineItemDTO } from "@medusajs/framework/types"
import type { PurchaseInput, IPickupModuleService } from "../types/modules"
import { PurchaseMode } from "../modules/engagement/types"
import { PICKUP_MODULE } from "../modules/pickup"

/**
 * Orders as the engagement read model keeps them (drafts are not purchases).
 * The total is the order summary's current total (Medusa keeps it up to date
 * through edits and cancellations), read with the order from the Order
 * Module: a third of the time of having query compute the totals again.
 */
export async function readPurchases(
  container: MedusaContainer,
  filters: Record<string, unknown>,
  pagination?: { skip: number; take: number }
): Promise<{ purchases: PurchaseInput[]; count: number }> {
  const orderModule = container.resolve(Modules.ORDER)
  const config: FindConfig<OrderDTO> = {
    select: [
      "id",
      "customer_id",
      "email",
      "sales_channel_id",
      "currency_code",
      "created_at",
      "status",
      "canceled_at",
      "updated_at",
      "metadata",
      "items.product_id",
      "items.quantity",
      "summary.totals",
    ],
    relations: ["items", "summary"],
    ...(pagination ? { ...pagination, order: { updated_at: "ASC", id: "ASC" } } : { take: null }),
  }
  // FilterableOrderProps leaves out status, which the Order Module filters by.
  const where = { ...filters, status: { $ne: "draft" } } as FilterableOrderProps
  const pickupService = container.resolve<IPickupModuleService>(PICKUP_MODULE)
  const pickupsOf = (ids: string[]) => pickupService.pickedUpOrderIds(ids)
  // Counted only when paging (the catch-up); one order after an event needs no count.
  // The pickup record is written by the checkout, before order.placed is emitted; with the ids known, read beside the orders.
  const knownIds = Array.isArray(filters.id) ? (filters.id as string[]) : null
  const [[orders, count], knownPickups] = await Promise.all([
    pagination
      ? orderModule.listAndCountOrders(where, config)
      : orderModule.listOrders(where, config).then((o) => [o, o.length] as const),
    knownIds ? pickupsOf(knownIds) : Promise.resolve(null),
  ])
  const pickedUp = knownPickups ?? (await pickupsOf(orders.map((o) => o.id)))
  const purchases = orders.map<PurchaseInput>((o) => ({
    order_id: o.id,
    customer_id: o.customer_id ?? null,
    email: o.email ?? null,
    sales_channel_id: o.sales_channel_id ?? null,
    currency_code: o.currency_code,
    total: Number(o.summary?.current_order_total ?? (o.summary as StoredSummary | undefined)?.totals?.current_order_total ?? 0),
    placed_at: new Date(o.created_at),
    canceled_at: o.status === "canceled" ? new Date(o.canceled_at ?? o.updated_at) : null,
    order_updated_at: o.updated_at ? new Date(o.updated_at) : null,
    mode: pickedUp.has(o.id) ? PurchaseMode.PICKUP : o.metadata?.in_store ? PurchaseMode.IN_STORE : PurchaseMode.DELIVERY,
    product_ids: [
      ...new Set<string>(
        (o.items ?? [])
          // a line edited down to nothing is no longer bought; the module may leave the quantity out (a BigNumber)
          .flatMap((i) => (i?.product_id && quantityOf(i) > 0 ? [i.product_id] : []))
      ),
    ],
  }))
  return { purchases, count }
}

/** The summary as stored (its totals nested), when the module hands it over unflattened. */
type StoredSummary = { totals?: { current_order_total?: unknown } }

/** The line's quantity as the module may give it: a number, a BigNumber, its raw value, or on the line's detail. */
type LineQuantity = { quantity?: unknown; detail?: { quantity?: unknown } | null; raw_quantity?: { value?: unknown } | null }
type BigNumberLike = { numeric?: unknown; value?: unknown }

function quantityOf(item: OrderLineItemDTO): number {
  const line = item as LineQuantity
  const q = line.quantity ?? line.detail?.quantity ?? line.raw_quantity?.value
  if (q === undefined || q === null) return 1
  const n = typeof q === "object" ? Number((q as BigNumberLike).numeric ?? (q as BigNumberLike).value ?? q) : Number(q)
  return Number.isFinite(n) ? n : 1
}
