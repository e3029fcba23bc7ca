import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { IInventoryService } from "@medusajs/framework/types"
import path from "node:path"

jest.setTimeout(60000)

/**
 * Medusa core alone (the Inventory Module, no plugin code): moving a
 * reservation with `updateReservationItems({ id, location_id })` adds its
 * quantity at the new location and never takes it off the old one
 * (`updateReservationItems_` computes −quantity for the old location but
 * loads and updates only the new location's level). Phantom reserved stock.
 *
 * This is why the plugin replaces a reservation (create at the store, then
 * soft-delete the old one) instead of moving it, and why it ships a drift
 * repair. When this test fails, Medusa fixed the bug: the drift repair is then
 * only for data written before the fix (see docs/ARCHITECTURE.md).
 */
moduleIntegrationTestRunner<IInventoryService>({
  moduleName: Modules.INVENTORY,
  // The installed package's folder: the runner loads its models from dist/models.
  resolve: path.dirname(require.resolve("@medusajs/inventory/package.json")),
  testSuite: ({ service }) => {
    it("leaves phantom reserved stock at the old location when a reservation is moved (Medusa 2.21 bug)", async () => {
      const item = await service.createInventoryItems({ sku: "MOVE-1" })
      await service.createInventoryLevels([
        { inventory_item_id: item.id, location_id: "sloc_a", stocked_quantity: 10 },
        { inventory_item_id: item.id, location_id: "sloc_b", stocked_quantity: 10 },
      ])
      const reservation = await service.createReservationItems({
        inventory_item_id: item.id,
        location_id: "sloc_a",
        quantity: 3,
      })
      await service.updateReservationItems({ id: reservation.id, location_id: "sloc_b" })

      const levels = await service.listInventoryLevels({ inventory_item_id: item.id })
      const reserved = Object.fromEntries(levels.map((l) => [l.location_id, Number(l.reserved_quantity)]))
      const live = await service.listReservationItems({ inventory_item_id: item.id })
      expect(live.map((r) => [r.location_id, Number(r.quantity)])).toEqual([["sloc_b", 3]])
      // Exact would be { sloc_a: 0, sloc_b: 3 }.
      expect(reserved).toEqual({ sloc_a: 3, sloc_b: 3 })
    })

    it("keeps levels exact when a reservation is replaced (what the plugin does)", async () => {
      const item = await service.createInventoryItems({ sku: "MOVE-2" })
      await service.createInventoryLevels([
        { inventory_item_id: item.id, location_id: "sloc_a", stocked_quantity: 10 },
        { inventory_item_id: item.id, location_id: "sloc_b", stocked_quantity: 10 },
      ])
      const old = await service.createReservationItems({ inventory_item_id: item.id, location_id: "sloc_a", quantity: 3 })
      await service.createReservationItems({ inventory_item_id: item.id, location_id: "sloc_b", quantity: 3 })
      await service.softDeleteReservationItems([old.id])

      const levels = await service.listInventoryLevels({ inventory_item_id: item.id })
      expect(Object.fromEntries(levels.map((l) => [l.location_id, Number(l.reserved_quantity)]))).toEqual({
        sloc_a: 0,
        sloc_b: 3,
      })
      // …and restoring it (a compensation) gives the units back to the old location.
      await service.restoreReservationItems([old.id])
      const [a] = await service.listInventoryLevels({ inventory_item_id: item.id, location_id: "sloc_a" })
      expect(Number(a.reserved_quantity)).toBe(3)
    })
  },
})
