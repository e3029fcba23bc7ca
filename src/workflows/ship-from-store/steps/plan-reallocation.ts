import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { allocate } from "../../../lib/routing"
import { destinationOf, loadShippingLocations, routingPolicyFor } from "../../../lib/routing-data"
import { geocoderNamed } from "../../../lib/geocoders"
import type { IRoutingModuleService } from "../../../types/modules"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { LoadedShipment } from "./load-shipment"
import { omnichannelOptions } from "../../../lib/plugin-options"

export type Reallocation = {
  row: LoadedShipment["lines"][number]
  /** what the shopper calls the line ("Merino Beanie – Rust") */
  title: string | null
  /** where the line goes next; null: no other location can ship it whole */
  target: { location_id: string; name: string; safety_stock: number } | null
}

export const planReallocationStepId = "plan-reallocation"

/**
 * Where a line a location can't find goes next: the order channel's routing
 * rules over the other shipping locations that can ship it whole, leaving out
 * this one and every location that already turned this line down. 404 when
 * the line isn't this location's to ship.
 */
export const planReallocationStep = createStep(
  planReallocationStepId,
  async (input: { loaded: LoadedShipment; line_item_id: string }, { container }) => {
    const { shipment, lines } = input.loaded
    const row = lines.find((l) => l.line_item_id === input.line_item_id)
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Line ${input.line_item_id} is not shipped from this location`)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const [{ data: [order] }, { data: variants }, turnedDown] = await Promise.all([
      query.graph({
        entity: "order",
        fields: [
          "sales_channel_id",
          "shipping_address.metadata",
          "shipping_address.postal_code",
          "shipping_address.country_code",
          "items.id",
          "items.title",
          "items.variant_title",
        ],
        filters: { id: shipment.order_id },
      }),
      query.graph({
        entity: "product_variant",
        fields: ["id", "sku", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
        filters: { id: row.variant_id ? [row.variant_id] : [] },
      }),
      routing.listOrderAllocations({ order_id: shipment.order_id, line_item_id: row.line_item_id, status: ["rejected"] }),
    ])
    const variant = variants[0] as { id: string; sku: string | null; manage_inventory: boolean; inventory_items: { inventory_item_id: string; required_quantity: number }[] } | undefined
    const excluded = new Set([shipment.location_id, ...turnedDown.map((r) => r.location_id)])
    const inventory = variant?.manage_inventory ? (variant.inventory_items ?? []).map((i) => ({ inventory_item_id: i.inventory_item_id, required_quantity: Number(i.required_quantity ?? 1) })) : []
    // The channel's rules; were they switched off since, the merchant's ranking alone (none: by id).
    const rules = (await routingPolicyFor(container, order?.sales_channel_id ?? null)) ?? { rules: ["priority"], priority: [] }
    const locations = (await loadShippingLocations(container, order?.sales_channel_id ?? null, inventory.map((i) => i.inventory_item_id))).filter(
      (l) => !excluded.has(l.id)
    )
    const result = allocate(
      [{ label: variant?.sku ?? row.variant_id ?? row.line_item_id, variant_id: row.variant_id ?? "", quantity: row.quantity, inventory }],
      locations,
      { rules: rules.rules, priority: rules.priority },
      destinationOf(order?.shipping_address as Parameters<typeof destinationOf>[0], geocoderNamed(omnichannelOptions(container).geocoder))
    )
    // A line ships whole from one place (Medusa's fulfillment takes a line's reservation as the whole line).
    const part = result.ok && result.lines[0].parts.length === 1 ? result.lines[0].parts[0] : null
    const loc = part ? locations.find((l) => l.id === part.location_id)! : null
    const item = (order?.items ?? []).find((i: { id: string; title: string; variant_title?: string | null } | null) => i?.id === row.line_item_id)
    return new StepResponse<Reallocation>({
      row,
      title: item ? [item.title, item.variant_title].filter(Boolean).join(" – ") : null,
      target: loc ? { location_id: loc.id, name: loc.name, safety_stock: loc.safety_stock } : null,
    })
  }
)
