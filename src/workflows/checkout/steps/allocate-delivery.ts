import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { allocate, type RoutingLine } from "../../../lib/routing"
import { loadShippingLocations } from "../../../lib/routing-data"
import type { CheckoutPlan } from "./load-checkout"

// Pure, and read outside the workflow too (its unit test), so they live in src/lib.
import { orderPlacements, type DeliveryAllocation } from "../../../lib/order-placements"
export { orderPlacements, type DeliveryAllocation }

export const allocateDeliveryStepId = "allocate-delivery"

/**
 * Under the checkout locks, before the order exists: decides which shipping
 * locations of the cart's channel supply each line, by the channel's routing
 * rules (lib/routing.ts), from stock net of each location's shipping safety
 * stock. 409 naming the items and what is available when the locations
 * together are short. Nothing is written.
 */
export const allocateDeliveryStep = createStep(allocateDeliveryStepId, async (plan: CheckoutPlan, { container }) => {
  const routing = plan.routing
  if (!routing || plan.order_id) return new StepResponse<DeliveryAllocation | null>(null)

  const variants = new Map(plan.variants.map((v) => [v.id, v]))
  const lines: RoutingLine[] = plan.items.map((i) => {
    const v = variants.get(i.variant_id)
    return {
      label: i.sku ?? i.variant_id,
      variant_id: i.variant_id,
      quantity: i.quantity,
      inventory: v?.manage_inventory ? v.inventory_items : [],
    }
  })
  const locations = await loadShippingLocations(container, plan.sales_channel_id, plan.inventory_item_ids)
  const result = allocate(lines, locations, routing.policy, routing.destination)
  if (!result.ok) {
    const what = result.shortages.map((s) => `${s.label} (${s.requested} requested, ${s.available} available)`).join(", ")
    throw new MedusaError(MedusaError.Types.CONFLICT, `Not enough stock to ship ${what}`)
  }
  const names = new Map(locations.map((l) => [l.id, l]))
  return new StepResponse<DeliveryAllocation | null>({
    lines: result.lines.map((l, i) => ({ line_id: plan.items[i].id, variant_id: l.variant_id, quantity: l.quantity, parts: l.parts })),
    locations: result.locations.map((id) => ({ location_id: id, name: names.get(id)!.name, safety_stock: names.get(id)!.safety_stock })),
  })
})
