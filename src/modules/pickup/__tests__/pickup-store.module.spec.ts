import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PICKUP_MODULE } from ".."
import { PickupOrder } from "../models/pickup-order"
import { PickupSelection } from "../models/pickup-selection"
import { PickupStore } from "../models/pickup-store"
import PickupModuleService from "../service"

jest.setTimeout(60000)

moduleIntegrationTestRunner<PickupModuleService>({
  moduleName: PICKUP_MODULE,
  moduleModels: [PickupStore, PickupSelection, PickupOrder],
  moduleOptions: { pickupCodeSecret: "module-test-secret-of-32-characters!" },
  resolve: "./src/modules/pickup",
  testSuite: ({ service }) => {
    describe("PickupModuleService", () => {
      it("stores a location's settings with defaults and round-trips hours and closures", async () => {
        const created = await service.createPickupStores({
          location_id: "sloc_1",
          enabled: true,
          latitude: 45.7578,
          longitude: 4.832,
          timezone: "Europe/Paris",
          hours: { mon: [["09:00", "12:30"], ["14:00", "19:00"]] },
          closures: [{ from: "2026-12-25", to: "2026-12-26", label: "Christmas" }],
        })

        const found = await service.retrievePickupStore(created.id)
        expect(found).toEqual(
          expect.objectContaining({
            location_id: "sloc_1",
            enabled: true,
            timezone: "Europe/Paris",
            hours: { mon: [["09:00", "12:30"], ["14:00", "19:00"]] },
            closures: [{ from: "2026-12-25", to: "2026-12-26", label: "Christmas" }],
            lead_time_minutes: 0,
            slot_capacity: 0,
            hold_days: null, // the plugin's defaultHoldDays
            safety_stock: 0,
            curbside: false,
          })
        )
        expect(found.latitude).toBeCloseTo(45.7578, 4)
        expect(found.id).toMatch(/^pkst_/)
        expect(service.holdDaysFor(found)).toBe(5)
        expect(service.holdDaysFor({ hold_days: 2 })).toBe(2)
      })

      it("keeps one settings record per location", async () => {
        await service.createPickupStores({ location_id: "sloc_dup" })
        await expect(service.createPickupStores({ location_id: "sloc_dup" })).rejects.toThrow(
          /already exists/
        )
        expect(await service.listPickupStores({ location_id: "sloc_dup" })).toHaveLength(1)
      })

      it("filters by enabled", async () => {
        await service.createPickupStores([
          { location_id: "sloc_a", enabled: true },
          { location_id: "sloc_b", enabled: false },
        ])
        const enabled = await service.listPickupStores({ enabled: true })
        expect(enabled.map((s) => s.location_id)).toEqual(["sloc_a"])
      })

      it("re-derives a pickup's code from its nonce and looks it up by hash, never storing it", async () => {
        const pickup = await service.createPickupOrders({
          order_id: "order_1",
          location_id: "sloc_1",
          code_nonce: "nonce-1",
          code_hash: "pending",
        } as any)
        const code = service.pickupCode(pickup as any)
        await service.updatePickupOrders({ id: pickup.id, code_hash: service.hashCode(code) } as any)

        expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/)
        expect(service.pickupCode(pickup as any)).toBe(code)
        const [found] = await service.listPickupOrders({ location_id: "sloc_1", code_hash: service.hashCode(code.toLowerCase()) })
        expect(found.id).toBe(pickup.id)
        expect(found.status).toBe("placed")
        expect(JSON.stringify(found)).not.toContain(code)
      })

      it("keeps one pickup per order and one choice per cart", async () => {
        await service.createPickupOrders({ order_id: "order_2", location_id: "sloc_1", code_nonce: "n", code_hash: "h" } as any)
        await expect(
          service.createPickupOrders({ order_id: "order_2", location_id: "sloc_1", code_nonce: "n", code_hash: "h" } as any)
        ).rejects.toThrow(/already exists/)
        await service.createPickupSelections({ cart_id: "cart_1", location_id: "sloc_1" })
        await expect(service.createPickupSelections({ cart_id: "cart_1", location_id: "sloc_2" })).rejects.toThrow(/already exists/)
      })
    })
  },
})
