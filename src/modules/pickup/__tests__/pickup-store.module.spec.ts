import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PICKUP_MODULE } from ".."
import { PickupStore } from "../models/pickup-store"
import PickupModuleService from "../service"

jest.setTimeout(60000)

moduleIntegrationTestRunner<PickupModuleService>({
  moduleName: PICKUP_MODULE,
  moduleModels: [PickupStore],
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
            hold_days: 5,
            safety_stock: 0,
            curbside: false,
          })
        )
        expect(found.latitude).toBeCloseTo(45.7578, 4)
        expect(found.id).toMatch(/^pkst_/)
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
    })
  },
})
