import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"

export type RequestedItem = { variant_id: string; quantity: number }
export type ItemAvailability = { variant_id: string; requested: number; available: number }
export type StoreAvailability = { all_available: boolean; items: ItemAvailability[] }

export type VariantInventory = {
  id: string
  manage_inventory: boolean
  inventory_items: { inventory_item_id: string; required_quantity: number }[]
}

/** Merges lines of the same variant (a cart may hold it twice). */
export function mergeItems(items: RequestedItem[]): RequestedItem[] {
  const byVariant = new Map<string, number>()
  for (const i of items) {
    byVariant.set(i.variant_id, (byVariant.get(i.variant_id) ?? 0) + i.quantity)
  }
  return [...byVariant].map(([variant_id, quantity]) => ({ variant_id, quantity }))
}

export async function loadVariantInventory(container: MedusaContainer, variantIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: variantIds },
  })
  return new Map((data as VariantInventory[]).map((v) => [v.id, v]))
}

/**
 * Pickup availability of variants at stores: stocked − reserved − safety stock
 * of each inventory item at that store, divided by the quantity a variant
 * needs of it, the smallest across its items; never below zero. A variant that
 * doesn't manage inventory is always available. One query for all stores.
 */
export async function storeAvailability(
  container: MedusaContainer,
  locations: { location_id: string; safety_stock: number }[],
  requested: RequestedItem[],
  options: { variants?: Map<string, VariantInventory> } = {}
): Promise<Map<string, StoreAvailability>> {
  const items = mergeItems(requested)
  const variants = options.variants ?? (await loadVariantInventory(container, items.map((i) => i.variant_id)))
  const inventoryItemIds = [
    ...new Set([...variants.values()].flatMap((v) => v.inventory_items.map((i) => i.inventory_item_id))),
  ]
  const locationIds = locations.map((l) => l.location_id)

  const levels =
    inventoryItemIds.length && locationIds.length
      ? await container.resolve(Modules.INVENTORY).listInventoryLevels(
          { inventory_item_id: inventoryItemIds, location_id: locationIds },
          { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
        )
      : []
  const free = new Map<string, number>()
  for (const l of levels) {
    free.set(
      `${l.location_id}:${l.inventory_item_id}`,
      MathBN.sub(l.stocked_quantity, l.reserved_quantity).toNumber()
    )
  }

  const result = new Map<string, StoreAvailability>()
  for (const loc of locations) {
    const perItem = items.map((item) => {
      const variant = variants.get(item.variant_id)
      let available: number
      if (!variant) {
        available = 0
      } else if (!variant.manage_inventory || !variant.inventory_items.length) {
        available = Number.MAX_SAFE_INTEGER
      } else {
        available = Math.min(
          ...variant.inventory_items.map((ii) => {
            const units = (free.get(`${loc.location_id}:${ii.inventory_item_id}`) ?? 0) - loc.safety_stock
            return Math.floor(units / (ii.required_quantity || 1))
          })
        )
      }
      return { variant_id: item.variant_id, requested: item.quantity, available: Math.max(0, available) }
    })
    result.set(loc.location_id, {
      all_available: perItem.every((i) => i.available >= i.requested),
      items: perItem,
    })
  }
  return result
}
