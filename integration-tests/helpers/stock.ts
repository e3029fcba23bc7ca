import { MedusaError, Modules } from "@medusajs/framework/utils"
import { completeOmnichannelCartWorkflow } from "../../src/workflows/checkout"
import { findStockDrift } from "../../src/lib/stock-drift"

/**
 * The stock invariant (SPEC 1a): at every location, each inventory level's
 * reserved quantity equals the sum of its live reservations. Asserted after
 * every HTTP scenario that moves stock.
 */
export async function expectExactStock(container: any) {
  expect(await findStockDrift(container)).toEqual([])
}

/** Sets an item's stock to exactly `quantities` (location id → units) and 0 everywhere else. */
export async function stockOnlyAt(container: any, sku: string, quantities: Record<string, number>) {
  const inventory = container.resolve(Modules.INVENTORY)
  const [item] = await inventory.listInventoryItems({ sku })
  const levels = await inventory.listInventoryLevels({ inventory_item_id: item.id })
  const have = new Set(levels.map((l: any) => l.location_id))
  await inventory.updateInventoryLevels(
    levels.map((l: any) => ({
      inventory_item_id: item.id,
      location_id: l.location_id,
      stocked_quantity: quantities[l.location_id] ?? 0,
    }))
  )
  const missing = Object.entries(quantities).filter(([loc]) => !have.has(loc))
  if (missing.length) {
    await inventory.createInventoryLevels(
      missing.map(([location_id, stocked_quantity]) => ({ inventory_item_id: item.id, location_id, stocked_quantity }))
    )
  }
  return item.id as string
}

/**
 * The location Medusa core would reserve a variant at for a cart of this
 * sales channel: the first location of the channel, in the order core reads
 * them (prepareConfirmInventoryInput over the variant's levels), whose
 * stocked − reserved covers the quantity. Tests use it to make sure the
 * pickup store they choose is *not* core's choice.
 */
export async function coreReservationLocation(container: any, variantId: string, salesChannelId: string, quantity = 1) {
  const query = container.resolve("query")
  const { data: [variant] } = await query.graph({
    entity: "product_variant",
    fields: [
      "inventory_items.inventory.location_levels.location_id",
      "inventory_items.inventory.location_levels.stocked_quantity",
      "inventory_items.inventory.location_levels.reserved_quantity",
      "inventory_items.inventory.location_levels.stock_locations.sales_channels.id",
    ],
    filters: { id: variantId },
  })
  const levels = variant.inventory_items[0].inventory.location_levels
  const inChannel = levels.filter((l: any) =>
    (l.stock_locations ?? []).some((s: any) => (s.sales_channels ?? []).some((c: any) => c.id === salesChannelId))
  )
  const order = [...new Set(inChannel.map((l: any) => l.location_id))] as string[]
  const free = new Map<string, number>(levels.map((l: any) => [l.location_id, Number(l.stocked_quantity) - Number(l.reserved_quantity)]))
  return order.find((loc) => (free.get(loc) ?? 0) >= quantity) ?? order[0]
}

export async function levelsOf(container: any, inventoryItemId: string) {
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: inventoryItemId })
  return Object.fromEntries(
    levels.map((l: any) => [l.location_id, { stocked: Number(l.stocked_quantity), reserved: Number(l.reserved_quantity) }])
  ) as Record<string, { stocked: number; reserved: number }>
}

/**
 * Carts whose checkout must fail after Medusa created the order: a handler
 * on completeOmnichannelCartWorkflow's checkoutCompleted hook throws for
 * them, so the workflow undoes everything. Call once per test file.
 */
export function failingAfterCompletion() {
  const carts = new Set<string>()
  completeOmnichannelCartWorkflow.hooks.checkoutCompleted(async ({ cart_id }: { cart_id: string }) => {
    if (carts.has(cart_id)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "Simulated failure after the order was created")
    }
  })
  return carts
}
