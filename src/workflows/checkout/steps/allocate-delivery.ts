import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { allocate, type RoutingLine } from "../../../lib/routing"
import { loadShippingLocations } from "../../../lib/routing-data"
import type { CheckoutPlan } from "./load-checkout"

/** Where each cart line of a routed delivery ships from (several parts: a split line), and those locations. */
export type DeliveryAllocation = {
  lines: { line_id: string; variant_id: string; quantity: number; parts: { location_id: string; quantity: number }[] }[]
  locations: { location_id: string; name: string; safety_stock: number }[]
}

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

/**
 * The order's lines matched to the cart's allocation. Each part of the
 * allocation became a line of its own before completion (splitCartLinesStep),
 * so an order line is the part of the same variant and quantity (a cart may
 * hold a variant twice; equal parts of a variant are interchangeable).
 */
export function orderPlacements(
  allocation: DeliveryAllocation,
  items: { id: string; variant_id: string | null; quantity: BigNumberInput; raw_quantity?: BigNumberInput | null }[]
): { line_item_id: string; variant_id: string | null; location_id: string; quantity: number }[] {
  // The Order Module's quantities are big numbers; `raw_quantity` holds the value.
  const left = items.map((i) => ({ ...i, quantity: MathBN.convert(i.raw_quantity ?? i.quantity).toNumber() }))
  const placements: { line_item_id: string; variant_id: string | null; location_id: string; quantity: number }[] = []
  for (const line of allocation.lines) {
    for (const part of line.parts) {
      let at = left.findIndex((i) => i.variant_id === line.variant_id && i.quantity === part.quantity)
      if (at < 0) at = left.findIndex((i) => i.variant_id === line.variant_id)
      if (at < 0) continue
      const [item] = left.splice(at, 1)
      placements.push({ line_item_id: item.id, variant_id: item.variant_id, location_id: part.location_id, quantity: part.quantity })
    }
  }
  return placements
}
