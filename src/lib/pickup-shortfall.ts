import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService } from "../types/modules"
import { storeAvailability, type StoreAvailability } from "./availability"

export type CartLines = { id: string; items: { variant_id: string; quantity: number; variant_sku: string | null }[] }

/** The cart's lines as the pickup checks read them; null for an unknown cart. */
export async function cartLines(container: MedusaContainer, cartId: string): Promise<CartLines | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "items.variant_id", "items.quantity", "items.variant_sku"],
    filters: { id: cartId },
  })
  if (!cart) return null
  type Row = { id: string; items: ({ variant_id: string | null; quantity: number; variant_sku: string | null } | null)[] | null }
  const row = cart as unknown as Row
  return {
    id: row.id,
    items: (row.items ?? []).flatMap((i) => (i?.variant_id ? [{ variant_id: i.variant_id, quantity: Number(i.quantity), variant_sku: i.variant_sku }] : [])),
  }
}

/**
 * The stores that can't supply a cart for pickup, net of their safety stock
 * (SPEC 2), with what each has. `onlyWithSafetyStock`: skip stores keeping
 * none, where Medusa's own stocked − reserved already says it (its shipping
 * options' `insufficient_inventory`). One read of the stores' settings, one
 * of the levels.
 */
export async function pickupShortfalls(
  container: MedusaContainer,
  cart: CartLines,
  locationIds: string[],
  { onlyWithSafetyStock = false }: { onlyWithSafetyStock?: boolean } = {}
): Promise<Map<string, StoreAvailability>> {
  if (!locationIds.length || !cart.items.length) return new Map()
  const stores = await container
    .resolve<IPickupModuleService>(PICKUP_MODULE)
    .listPickupStores({ location_id: locationIds }, { select: ["location_id", "safety_stock"] })
  const guarded = onlyWithSafetyStock ? stores.filter((s) => Number(s.safety_stock) > 0) : stores
  if (!guarded.length) return new Map()
  const availability = await storeAvailability(
    container,
    guarded.map((s) => ({ location_id: s.location_id, safety_stock: Number(s.safety_stock) })),
    cart.items
  )
  return new Map([...availability].filter(([, a]) => !a.all_available))
}
