import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { ROUTING_MODULE } from "../../../../../modules/routing"
import type { IRoutingModuleService } from "../../../../../types/modules"
import { omnichannelRoute } from "../../../../utils/own-errors"

/**
 * Which location ships what of a delivery order, as routed at checkout: one
 * entry per location with its lines (a line split across locations appears
 * under each). Empty for an order that wasn't routed (pickup, or a channel
 * without routing rules).
 */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "items.id", "items.title", "items.variant_sku", "items.quantity"],
    filters: { id: req.params.id },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${req.params.id} was not found`)
  const rows = await req.scope.resolve<IRoutingModuleService>(ROUTING_MODULE).listOrderAllocations({ order_id: order.id })
  const locationIds = [...new Set(rows.map((r) => r.location_id))]
  const locations = locationIds.length
    ? await req.scope.resolve(Modules.STOCK_LOCATION).listStockLocations({ id: locationIds }, { select: ["id", "name"] })
    : []
  const nameOf = new Map(locations.map((l) => [l.id, l.name]))
  type Item = { id: string; title: string | null; variant_sku: string | null }
  const itemOf = new Map(((order.items ?? []) as Item[]).filter(Boolean).map((i) => [i.id, i]))
  res.json({
    order_id: order.id,
    locations: locationIds.map((location_id) => ({
      location_id,
      name: nameOf.get(location_id) ?? null,
      lines: rows
        .filter((r) => r.location_id === location_id)
        .map((r) => ({
          line_item_id: r.line_item_id,
          title: itemOf.get(r.line_item_id)?.title ?? null,
          sku: itemOf.get(r.line_item_id)?.variant_sku ?? null,
          quantity: r.quantity,
          status: r.status,
        })),
    })),
  })
})
