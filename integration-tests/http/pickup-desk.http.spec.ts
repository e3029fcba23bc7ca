import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import {
  bearerClient,
  loginStaff,
  notificationsOf,
  paymentOf,
  placePickup,
  waitFor,
} from "../helpers/desk"
import { levelAt, loginCustomer, setStock, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TEE-NAV-XL", "BEANIE-RUST", "RAIN-S", "NOTEBOOK-A5"])
    })

    // Léa works at Bellecour and Part-Dieu, Nadia at Croix-Rousse (data/customers.json).
    const lea = async () => bearerClient(api, await loginStaff(api, 0))
    const nadia = async () => bearerClient(api, await loginStaff(api, 1))
    const inventoryItem = async (sku: string) =>
      (await getContainer().resolve(Modules.INVENTORY).listInventoryItems({ sku }))[0].id as string

    describe("full lifecycle at the desk", () => {
      it("placed → preparing → ready → collected: fulfillment at the store, payment captured, events and notifications", async () => {
        const container = getContainer()
        const bellecour = seed.locations["bellecour"]
        const mug = await inventoryItem("MUG-INK")
        const before = await levelAt(container, mug, bellecour)
        const { order, pickup_id, code } = await placePickup(api, seed, {
          store: "bellecour",
          lines: [{ variant_id: variants["MUG-INK"], quantity: 2 }],
        })
        expect(await levelAt(container, mug, bellecour)).toEqual({ stocked: before.stocked, reserved: before.reserved + 2 })

        const events: any[] = []
        for (const name of ["pickup.preparing", "pickup.ready", "pickup.collected"]) {
          container.resolve(Modules.EVENT_BUS).subscribe(name, async (e: any) => {
            events.push({ name, id: e.data.id })
          })
        }

        const desk = await lea()
        const { data: me } = await desk.get("/staff/me")
        expect(me.staff).toEqual(
          expect.objectContaining({ first_name: "Léa", last_name: "Roux", stores: expect.any(Array) })
        )
        expect(me.staff.stores.map((s: any) => s.name)).toEqual(["Lyon Bellecour", "Lyon Part-Dieu"])

        // The queue of the store lists it; the detail has items, customer and no code.
        const { data: queue } = await desk.get(`/staff/pickups?location_id=${bellecour}`)
        expect(queue).toEqual(expect.objectContaining({ count: 1, limit: 20, offset: 0 }))
        expect(queue.pickups[0]).toEqual(
          expect.objectContaining({ id: pickup_id, status: "placed", customer_name: "Camille Martin", item_count: 2 })
        )
        const { data: detail } = await desk.get(`/staff/pickups/${pickup_id}`)
        expect(detail.pickup.order.items).toEqual([expect.objectContaining({ sku: "MUG-INK", quantity: 2 })])
        expect(detail.pickup.customer).toEqual({ name: "Camille Martin", email: "shopper@example.com" })
        expect(JSON.stringify(detail)).not.toContain(code)

        // Collect before ready: 409 naming the status.
        const early = await desk.fail(desk.post(`/staff/pickups/${pickup_id}/collect`, { code }))
        expect(early.status).toBe(409)
        expect(early.data.message).toContain("placed")

        const prepared = await desk.post(`/staff/pickups/${pickup_id}/prepare`)
        expect(prepared.data.pickup.status).toBe("preparing")
        const again = await desk.fail(desk.post(`/staff/pickups/${pickup_id}/prepare`))
        expect(again.status).toBe(409)
        expect(again.data.message).toContain("preparing")

        const t0 = Date.now()
        const ready = await desk.post(`/staff/pickups/${pickup_id}/ready`)
        expect(ready.data.pickup.status).toBe("ready")
        // Bellecour holds ready orders for its hold_days (data/stores.json).
        const store = await container.resolve("pickup").listPickupStores({ location_id: bellecour })
        const expires = new Date(ready.data.pickup.expires_at).getTime()
        expect(Math.abs(expires - (t0 + store[0].hold_days * 86400000))).toBeLessThan(60_000)
        // Medusa fulfillment at Bellecour, from the reservation there: stock left the shelf.
        const afterReady = await paymentOf(container, order.id)
        expect(afterReady.order.fulfillments).toEqual([expect.objectContaining({ location_id: bellecour, delivered_at: null })])
        expect(await levelAt(container, mug, bellecour)).toEqual({ stocked: before.stocked - 2, reserved: before.reserved })

        // The shopper is told, with the code.
        const readyNotes = await waitFor(() => notificationsOf(container, pickup_id, "pickup.ready"))
        expect(readyNotes).toHaveLength(1)
        expect(readyNotes[0].data).toEqual(
          expect.objectContaining({ code, store_name: "Lyon Bellecour", instructions: expect.any(String), rejected_items: [] })
        )

        // Verify the code at the store.
        const verified = await desk.post("/staff/pickups/verify", { location_id: bellecour, code: code.toLowerCase() })
        expect(verified.data.pickup.id).toBe(pickup_id)

        // Wrong code at hand-over: 400, nothing changes.
        const wrong = await desk.fail(desk.post(`/staff/pickups/${pickup_id}/collect`, { code: "ABCDEFGHJK" }))
        expect(wrong.status).toBe(400)
        expect(wrong.data.message).toBe("code: does not match this pickup")

        const collected = await desk.post(`/staff/pickups/${pickup_id}/collect`, { code })
        expect(collected.data.pickup).toEqual(
          expect.objectContaining({
            status: "collected",
            handed_over_by: expect.objectContaining({ name: "Léa Roux" }),
            collected_by: null,
          })
        )
        const settled = await paymentOf(container, order.id)
        expect(settled.captured).toBe(Number(order.total))
        expect(settled.order.fulfillments[0].delivered_at).not.toBeNull()

        // Twice: 409. The code of a collected order still verifies, showing it collected.
        const twice = await desk.fail(desk.post(`/staff/pickups/${pickup_id}/collect`, { code }))
        expect(twice.status).toBe(409)
        expect(twice.data.message).toContain("collected")
        const reused = await desk.post("/staff/pickups/verify", { location_id: bellecour, code })
        expect(reused.data.pickup.status).toBe("collected")

        expect(collected.data.pickup.timeline.map((t: any) => t.action)).toEqual(["placed", "preparing", "ready", "collected"])
        expect(collected.data.pickup.timeline[3].actor).toEqual(expect.objectContaining({ type: "staff", name: "Léa Roux" }))

        const names = (await waitFor(async () => (events.length >= 3 ? events : []))).map((e) => e.name)
        expect(names).toEqual(["pickup.preparing", "pickup.ready", "pickup.collected"])
        expect(await waitFor(() => notificationsOf(container, pickup_id, "pickup.collected"))).toHaveLength(1)
        // The shopper sees it collected.
        const { token } = await loginCustomer(api, 0)
        const mine = await storeClient(api, seed, "Web store", token).get(`/store/customers/me/pickups/${pickup_id}`)
        expect(mine.data.pickup.status).toBe("collected")
      })
    })
  },
})
