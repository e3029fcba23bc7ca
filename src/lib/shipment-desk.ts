import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ROUTING_MODULE } from "../modules/routing"
import type { IRoutingModuleService } from "../types/modules"
import type { DeskScope } from "./pickup-desk"

export const OPEN_SHIPMENT_STATUSES = ["to_ship", "picking", "packed"]

type ShipmentRow = Awaited<ReturnType<IRoutingModuleService["listOrderShipments"]>>[number]

/** A shipment of a location outside the scope is a 404, as if it did not exist. */
export async function retrieveShipmentInScope(container: MedusaContainer, scope: DeskScope, id: string) {
  const [shipment] = await container.resolve<IRoutingModuleService>(ROUTING_MODULE).listOrderShipments({ id })
  if (!shipment || (scope.location_ids && !scope.location_ids.includes(shipment.location_id))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment with id: ${id} was not found`)
  }
  return shipment
}

/**
 * Shipments as the desk shows them: the order (number, customer, where it
 * goes), the lines this location ships with their status, the timeline.
 * Batched: one read per kind for the whole page.
 */
export async function presentShipments(container: MedusaContainer, shipments: ShipmentRow[]) {
  if (!shipments.length) return []
  const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = [...new Set(shipments.map((s) => s.order_id))]
  const [rows, activities, { data: orders }, { data: locations }] = await Promise.all([
    routing.listOrderAllocations({ order_id: orderIds }),
    routing.listShipmentActivities({ shipment_id: shipments.map((s) => s.id) }, { order: { created_at: "ASC" } }),
    query.graph({
      entity: "order",
      fields: [
        "id", "display_id", "email", "currency_code", "created_at",
        "shipping_address.first_name", "shipping_address.last_name", "shipping_address.address_1",
        "shipping_address.city", "shipping_address.postal_code", "shipping_address.country_code",
        "items.id", "items.title", "items.variant_sku", "items.variant_title", "items.thumbnail",
      ],
      filters: { id: orderIds },
    }),
    query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: [...new Set(shipments.map((s) => s.location_id))] } }),
  ])
  type Order = { id: string; display_id: number; email: string | null; currency_code: string; created_at: string; shipping_address: Record<string, string | null> | null; items: { id: string; title: string; variant_sku: string | null; variant_title: string | null; thumbnail: string | null }[] }
  const orderOf = new Map((orders as unknown as Order[]).map((o) => [o.id, o]))
  const nameOf = new Map((locations as { id: string; name: string }[]).map((l) => [l.id, l.name]))
  return shipments.map((s) => {
    const order = orderOf.get(s.order_id)
    const items = new Map((order?.items ?? []).map((i) => [i.id, i]))
    return {
      id: s.id,
      status: s.status,
      location: { id: s.location_id, name: nameOf.get(s.location_id) ?? null },
      carrier: s.carrier,
      tracking_number: s.tracking_number,
      fulfillment_id: s.fulfillment_id,
      shipped_at: s.shipped_at,
      created_at: s.created_at,
      order: order
        ? { id: order.id, display_id: order.display_id, email: order.email, currency_code: order.currency_code, created_at: order.created_at, shipping_address: order.shipping_address }
        : { id: s.order_id },
      lines: rows
        .filter((r) => r.order_id === s.order_id && r.location_id === s.location_id)
        .map((r) => ({
          line_item_id: r.line_item_id,
          title: items.get(r.line_item_id)?.title ?? null,
          variant_title: items.get(r.line_item_id)?.variant_title ?? null,
          sku: items.get(r.line_item_id)?.variant_sku ?? null,
          quantity: r.quantity,
          status: r.status,
          reason: r.reason,
        })),
      timeline: activities
        .filter((a) => a.shipment_id === s.id)
        .map((a) => ({ action: a.action, actor_type: a.actor_type, actor_id: a.actor_id, data: a.data, at: a.created_at })),
    }
  })
}

/** The desk's queue of shipments (open ones by default), oldest order first. */
export async function listDeskShipments(
  container: MedusaContainer,
  scope: DeskScope,
  q: { location_id?: string; status?: string[]; limit: number; offset: number }
) {
  if (q.location_id && scope.location_ids && !scope.location_ids.includes(q.location_id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Store with id: ${q.location_id} was not found`)
  }
  const filters: Record<string, unknown> = { status: q.status?.length ? q.status : OPEN_SHIPMENT_STATUSES }
  const locations = q.location_id ? [q.location_id] : scope.location_ids
  if (locations) filters.location_id = locations
  const [rows, count] = await container
    .resolve<IRoutingModuleService>(ROUTING_MODULE)
    .listAndCountOrderShipments(filters, { order: { created_at: "ASC" }, take: q.limit, skip: q.offset })
  return { shipments: await presentShipments(container, rows), count, limit: q.limit, offset: q.offset }
}
