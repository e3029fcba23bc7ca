import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PICKUP_MODULE } from ".."
import { PickupActivity } from "../models/pickup-activity"
import { PickupCodeAttempt } from "../models/pickup-code-attempt"
import { PickupOrder } from "../models/pickup-order"
import { PickupSelection } from "../models/pickup-selection"
import { PickupStore } from "../models/pickup-store"
import PickupModuleService from "../service"
import { PickupStatus } from "../types"

jest.setTimeout(60000)

moduleIntegrationTestRunner<PickupModuleService>({
  moduleName: PICKUP_MODULE,
  moduleModels: [PickupStore, PickupSelection, PickupOrder, PickupActivity, PickupCodeAttempt],
  moduleOptions: { pickupCodeSecret: "module-test-secret-of-32-characters!", codeAttempts: { per_staff: 3 } },
  resolve: "./src/modules/pickup",
  testSuite: ({ service }) => {
    const pickup = (order_id: string, status = PickupStatus.PLACED) =>
      service.createPickupOrders({ order_id, location_id: "sloc_1", status, code_hash: "h", code_nonce: "n" } as any)

    describe("transitionPickup", () => {
      it("moves from an allowed status and returns the row as it was", async () => {
        const p = await pickup("order_1")
        const { before, after } = await service.transitionPickup(p.id, [PickupStatus.PLACED], PickupStatus.PREPARING, {}, "prepare")
        expect(before.status).toBe("placed")
        expect(after.status).toBe("preparing")
        expect((await service.retrievePickupOrder(p.id)).status).toBe("preparing")
      })

      it("refuses any other status with a conflict naming it, and an unknown id with not found", async () => {
        const p = await pickup("order_2", PickupStatus.COLLECTED)
        await expect(
          service.transitionPickup(p.id, [PickupStatus.READY], PickupStatus.COLLECTED, {}, "collect")
        ).rejects.toThrow(`Cannot collect pickup ${p.id}: its status is collected (allowed from ready)`)
        await expect(service.transitionPickup("pkor_nope", [PickupStatus.READY], undefined, {}, "collect")).rejects.toThrow(
          "was not found"
        )
      })

      it("lets exactly one of many concurrent transitions through", async () => {
        const p = await pickup("order_3", PickupStatus.READY)
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            service.transitionPickup(p.id, [PickupStatus.READY], PickupStatus.COLLECTED, { handed_over_by: `stf_${i}` }, "collect")
          )
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        expect(results.filter((r) => r.status === "rejected").map((r: any) => r.reason.type)).toEqual(Array(7).fill("conflict"))
      })

      it("writes the timeline entry with the change, and none when the change is refused", async () => {
        const p = await pickup("order_5", PickupStatus.PLACED)
        const actor = { actor_type: "staff", actor_id: "stf_1" }
        const { activity_id } = await service.transitionPickup(p.id, [PickupStatus.PLACED], PickupStatus.PREPARING, {}, "prepare", actor)
        await service.transitionPickup(p.id, [PickupStatus.PREPARING], undefined, { arrival_note: "bay 1" }, "arrived", actor)
        await expect(
          service.transitionPickup(p.id, [PickupStatus.READY], PickupStatus.COLLECTED, {}, "collect", actor)
        ).rejects.toThrow(/its status is preparing/)
        const entries = await service.listPickupActivities({ pickup_id: p.id }, { order: { created_at: "ASC" } })
        expect(entries.map((e: any) => [e.action, e.actor_id])).toEqual([["preparing", "stf_1"], ["arrived", "stf_1"]])
        expect(entries[0].id).toBe(activity_id)
      })

      it("updates fields without a status change when `to` is undefined", async () => {
        const p = await pickup("order_4", PickupStatus.READY)
        await service.transitionPickup(p.id, [PickupStatus.READY], undefined, { arrival_note: "bay 3" }, "arrived")
        expect(await service.retrievePickupOrder(p.id)).toEqual(expect.objectContaining({ status: "ready", arrival_note: "bay 3" }))
      })
    })

    describe("claimExpiryReminder", () => {
      it("has one winner among concurrent claims, and only for ready pickups", async () => {
        const ready = await pickup("order_5", PickupStatus.READY)
        const claims = await Promise.all(Array.from({ length: 6 }, () => service.claimExpiryReminder(ready.id, new Date())))
        expect(claims.filter(Boolean)).toHaveLength(1)
        expect(await service.claimExpiryReminder(ready.id, new Date())).toBe(false)
        const placed = await pickup("order_6")
        expect(await service.claimExpiryReminder(placed.id, new Date())).toBe(false)
      })
    })

    it("takes wrong-code limits from the module options over the defaults", () => {
      expect(service.codeAttemptLimits).toEqual({ window_minutes: 15, per_staff: 3, per_store: 20, per_pickup: 5 })
    })
  },
})
