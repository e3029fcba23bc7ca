import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

/** Where each cart line of a routed delivery ships from (several parts: a split line), and those locations. */
export type DeliveryAllocation = {
  lines: { line_id: string; variant_id: string; quantity: number; parts: { location_id: string; quantity: number }[] }[]
  locations: { location_id: string; name: string; safety_stock: number }[]
}

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
