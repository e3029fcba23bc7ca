import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { storeAvailability, type VariantInventory } from "./availability"

type DeliveryCart = {
  sales_channel: { stock_locations: ({ id: string } | null)[] | null } | null
  items: ({
    variant_id: string | null
    quantity: number
    variant: { id: string; manage_inventory: boolean; inventory_items: ({ inventory_item_id: string; required_quantity: number | null } | null)[] | null } | null
  } | null)[] | null
}

/**
 * Could Medusa reserve a line of this delivery away from its shipping option's
 * location while that location has it? True when, for some variant, the
 * option's location holds enough and another location of the cart's channel
 * does too (Medusa takes the channel's first location with enough, whichever
 * it is). Otherwise Medusa's choice is already right, and its route completes
 * the cart alone. One cart read and one read of levels.
 */
export async function deliveryNeedsPlacing(container: MedusaContainer, cartId: string, homeLocationId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [row] } = await query.graph({
    entity: "cart",
    fields: [
      "sales_channel.stock_locations.id",
      "items.variant_id",
      "items.quantity",
      "items.variant.id",
      "items.variant.manage_inventory",
      "items.variant.inventory_items.inventory_item_id",
      "items.variant.inventory_items.required_quantity",
    ],
    filters: { id: cartId },
  })
  const cart = row as unknown as DeliveryCart | undefined
  const others = (cart?.sales_channel?.stock_locations ?? []).flatMap((l) => (l && l.id !== homeLocationId ? [l.id] : []))
  if (!cart || !others.length) return false
  const variants = new Map<string, VariantInventory>()
  const requested: { variant_id: string; quantity: number }[] = []
  for (const item of cart.items ?? []) {
    const v = item?.variant
    if (!item?.variant_id || !v?.manage_inventory) continue
    requested.push({ variant_id: item.variant_id, quantity: Number(item.quantity) })
    variants.set(v.id, {
      id: v.id,
      manage_inventory: true,
      inventory_items: (v.inventory_items ?? []).flatMap((i) => (i ? [{ inventory_item_id: i.inventory_item_id, required_quantity: Number(i.required_quantity ?? 1) }] : [])),
    })
  }
  if (!requested.length) return false
  const stock = await storeAvailability(
    container,
    [homeLocationId, ...others].map((location_id) => ({ location_id, safety_stock: 0 })),
    requested,
    { variants }
  )
  const enough = (locationId: string, variantId: string) =>
    stock.get(locationId)!.items.some((i) => i.variant_id === variantId && i.available >= i.requested)
  return [...variants.keys()].some((id) => enough(homeLocationId, id) && others.some((l) => enough(l, id)))
}
