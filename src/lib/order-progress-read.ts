import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService, IRoutingModuleService } from "../types/modules"
import { ROUTING_MODULE } from "../modules/routing"
import type { StoreOrderProgress } from "../types/http"
import { orderProgress, type ProgressOrder, type ProgressShipment } from "./order-progress"

type Amount = number | string | { numeric?: number } | null | undefined
// Order quantities and amounts come back as Medusa's BigNumber values.
const num = (v: Amount) => (v == null ? 0 : MathBN.convert(v as number).toNumber())

type Row = Omit<ProgressOrder, "payments" | "fulfillments"> & {
  fulfillments: (Omit<ProgressOrder["fulfillments"][number], "labels" | "items"> & {
    labels: ProgressOrder["fulfillments"][number]["labels"] | null
    items: ProgressOrder["fulfillments"][number]["items"] | null
  } | null)[] | null
  payment_collections: ({ captured_amount: number | null; refunded_amount: number | null } | null)[] | null
}

/**
 * Where each order stands, from Medusa's fulfilments and payment collections,
 * the pickup record and the routing module's parts (carriers, open parts):
 * four batched reads for any number of orders, nothing copied that can drift.
 */
export async function readOrderProgress(container: MedusaContainer, orderIds: string[]): Promise<Map<string, StoreOrderProgress>> {
  if (!orderIds.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pickups = container.resolve<IPickupModuleService>(PICKUP_MODULE)
  const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
  const [{ data }, pickupRows, shipmentRows, allocationRows] = await Promise.all([
    query.graph({
      entity: "order",
      fields: [
        "id", "status", "created_at", "currency_code", "metadata",
        // items.* : the order's line quantity is not returned when asked alone
        "items.*",
        "fulfillments.id", "fulfillments.location_id", "fulfillments.shipped_at", "fulfillments.delivered_at", "fulfillments.canceled_at",
        "fulfillments.labels.tracking_number", "fulfillments.labels.tracking_url",
        "fulfillments.items.line_item_id", "fulfillments.items.quantity",
        "payment_collections.captured_amount", "payment_collections.refunded_amount",
      ],
      filters: { id: orderIds },
    }),
    pickups.listPickupOrders({ order_id: orderIds }, { select: ["order_id", "status", "location_id"] }),
    routing.listOrderShipments({ order_id: orderIds }),
    routing.listOrderAllocations({ order_id: orderIds }, { select: ["order_id", "location_id", "line_item_id", "quantity", "status"] }),
  ])
  const orders = data as unknown as Row[]
  const locationIds = new Set<string>()
  for (const o of orders) {
    if (o.metadata?.store_location_id) locationIds.add(o.metadata.store_location_id)
    for (const f of o.fulfillments ?? []) if (f?.location_id) locationIds.add(f.location_id)
  }
  for (const p of pickupRows) locationIds.add(p.location_id)
  for (const s of shipmentRows) locationIds.add(s.location_id)
  const { data: locations } = locationIds.size
    ? await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: [...locationIds] } })
    : { data: [] }
  const names = new Map((locations as { id: string; name: string }[]).map((l) => [l.id, l.name]))
  const locationName = (id: string | null | undefined) => (id ? names.get(id) ?? null : null)

  const result = new Map<string, StoreOrderProgress>()
  for (const o of orders) {
    // A part's lines: what its location still holds (rejected units went elsewhere).
    const shipments: ProgressShipment[] = shipmentRows
      .filter((s) => s.order_id === o.id)
      .map((s) => ({
        id: s.id,
        location_id: s.location_id,
        status: s.status as ProgressShipment["status"],
        carrier: s.carrier,
        fulfillment_id: s.fulfillment_id,
        lines: allocationRows
          .filter((a) => a.order_id === o.id && a.location_id === s.location_id && a.status === "allocated")
          .map((a) => ({ line_item_id: a.line_item_id, quantity: num(a.quantity) })),
      }))
    const pickup = pickupRows.find((p) => p.order_id === o.id)
    result.set(
      o.id,
      orderProgress({
        order: {
          ...o,
          items: (o.items ?? []).map((i) => ({ id: i.id, title: i.title, quantity: num(i.quantity) })),
          fulfillments: (o.fulfillments ?? []).flatMap((f) =>
            f ? [{ ...f, labels: f.labels ?? [], items: (f.items ?? []).map((i) => ({ line_item_id: i.line_item_id, quantity: num(i.quantity) })) }] : []
          ),
          payments: (o.payment_collections ?? []).flatMap((p) =>
            p ? [{ captured: num(p.captured_amount), refunded: num(p.refunded_amount) }] : []
          ),
        },
        pickup: pickup ? { status: pickup.status, location_id: pickup.location_id } : null,
        shipments,
        locationName,
      })
    )
  }
  return result
}
