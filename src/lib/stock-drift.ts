import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { pgArray } from "../shared/pg-array"

export type StockDrift = {
  level_id: string
  inventory_item_id: string
  sku: string | null
  location_id: string
  location_name: string | null
  stocked_quantity: number
  /** what the level says is reserved */
  reserved_quantity: number
  /** the sum of the live reservations at that level */
  live_reservations: number
  /** reserved_quantity − live_reservations: positive = phantom reserved stock */
  drift: number
}

/** A row of the read below, its numbers as PostgreSQL's driver gives them (numeric as text). */
type DriftRow = Omit<StockDrift, "stocked_quantity" | "reserved_quantity" | "live_reservations" | "drift"> & {
  stocked_quantity: string | number
  reserved_quantity: string | number
  live_reservations: string | number
}

/**
 * Inventory levels whose reserved quantity differs from the sum of their live
 * reservations: the units Medusa says are reserved but no order holds
 * (phantom stock, left by Medusa 2.21's reservation move) or the reverse. One
 * read over the Inventory Module's tables: the module has no API that sums
 * reservations per level. No rows = every level is exact.
 */
export async function findStockDrift(
  container: MedusaContainer,
  filter: { inventory_item_ids?: string[] } = {}
): Promise<StockDrift[]> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const items = filter.inventory_item_ids
  const { rows } = await pg.raw(
    `select il.id as level_id, il.inventory_item_id, ii.sku, il.location_id, sl.name as location_name,
            il.stocked_quantity, il.reserved_quantity, coalesce(r.live, 0) as live_reservations
       from inventory_level il
       join inventory_item ii on ii.id = il.inventory_item_id
       left join stock_location sl on sl.id = il.location_id
       left join (select inventory_item_id, location_id, sum(quantity) as live
                    from reservation_item where deleted_at is null
                   group by inventory_item_id, location_id) r
              on r.inventory_item_id = il.inventory_item_id and r.location_id = il.location_id
      where il.deleted_at is null and il.reserved_quantity <> coalesce(r.live, 0)
        ${items ? "and il.inventory_item_id = any(?::text[])" : ""}
      order by abs(il.reserved_quantity - coalesce(r.live, 0)) desc, ii.sku, sl.name`,
    items ? [pgArray(items)] : []
  )
  return rows.map((r: DriftRow) => ({
    level_id: r.level_id,
    inventory_item_id: r.inventory_item_id,
    sku: r.sku,
    location_id: r.location_id,
    location_name: r.location_name,
    stocked_quantity: Number(r.stocked_quantity),
    reserved_quantity: Number(r.reserved_quantity),
    live_reservations: Number(r.live_reservations),
    drift: Number(r.reserved_quantity) - Number(r.live_reservations),
  }))
}
