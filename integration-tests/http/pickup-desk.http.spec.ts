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
  sentNotifications,
  storedCodes,
  waitFor,
} from "../helpers/desk"
import { processPickupHolds } from "../../src/jobs/pickup-holds"
import { levelAt, loginCustomer, setStock, storeClient, variantIdsBySku } from "../helpers/store"
import { expectExactStock } from "../helpers/stock"

jest.setTimeout(240000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>

    // SPEC 1a: after every scenario each level's reserved quantity = its live reservations.
    afterEach(async () => {
      await expectExactStock(getContainer())
    })
    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TEE-NAV-XL", "BEANIE-RUST", "RAIN-S", "NOTEBOOK-A5"])
    })

    // What the notification provider was handed in each test (stored copies keep no code).
    let sent: ReturnType<typeof sentNotifications>
    beforeEach(() => {
      sent = sentNotifications()
    })
    afterEach(() => sent.restore())

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
        // The stored copy loses its code once sent (redacted right after, so not read back here); the provider got it.
        expect(readyNotes[0].data).toEqual(
          expect.objectContaining({ store_name: "Lyon Bellecour", instructions: expect.any(String), rejected_items: [] })
        )
        expect(sent.to("pickup.ready", readyNotes[0].to).map((n) => n.data?.code)).toEqual([code])

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
        // After the whole flow the code can be read back nowhere: not the
        // notification table (placed and ready carried it), not the admin API.
        expect(sent.to("pickup.placed").some((n) => n.data?.code === code)).toBe(true)
        const { headers } = await adminHeaders(api)
        expect(await storedCodes(container, api, headers.authorization.replace("Bearer ", ""), [code])).toEqual([])
        // The shopper sees it collected.
        const { token } = await loginCustomer(api, 0)
        const mine = await storeClient(api, seed, "Web store", token).get(`/store/customers/me/pickups/${pickup_id}`)
        expect(mine.data.pickup.status).toBe("collected")
      })
    })

    describe("partial ready, proxy, cancel, arrival", () => {
      it("rejects part of an order: reason recorded, its reservation released, the rest captured at hand-over by a named proxy", async () => {
        const container = getContainer()
        const partDieu = seed.locations["part-dieu"]
        const mug = await inventoryItem("MUG-INK")
        const tee = await inventoryItem("TEE-NAV-XL")
        const mugBefore = await levelAt(container, mug, partDieu)
        const teeBefore = await levelAt(container, tee, partDieu)
        const { order, pickup_id, code } = await placePickup(api, seed, {
          store: "part-dieu",
          lines: [
            { variant_id: variants["MUG-INK"], quantity: 2 },
            { variant_id: variants["TEE-NAV-XL"], quantity: 1 },
          ],
          pickup_person: { name: "Paul Martin" },
        })
        const mugLine = order.items.find((i: any) => i.variant_sku === "MUG-INK")
        const desk = await lea()

        // Bad splits are 400s naming the field; nothing changes.
        const bad = [
          { items: [{ line_item_id: "ordli_nope", quantity: 1 }] },
          { items: [{ line_item_id: mugLine.id, quantity: 3 }] },
          { items: [{ line_item_id: mugLine.id, quantity: 1, rejected_quantity: 1 }] },
          { items: [{ line_item_id: mugLine.id, quantity: -1 }] },
          { items: [] },
          { items: [{ line_item_id: mugLine.id, quantity: 1, rejected_quantity: 1, reason: "chipped", extra: 1 }] },
        ]
        for (const body of bad) {
          const res = await desk.fail(desk.post(`/staff/pickups/${pickup_id}/ready`, body))
          expect([res.status, body]).toEqual([400, body])
        }
        expect((await desk.get(`/staff/pickups/${pickup_id}`)).data.pickup.status).toBe("placed")
        const third = await desk.fail(
          desk.post(`/staff/pickups/${pickup_id}/ready`, { items: [{ line_item_id: mugLine.id, quantity: 1, rejected_quantity: 1 }] })
        )
        expect(third.data.message).toContain("items[0].reason")

        const res = await desk.post(`/staff/pickups/${pickup_id}/ready`, {
          items: [{ line_item_id: mugLine.id, quantity: 1, rejected_quantity: 1, reason: "Chipped on the shelf" }],
        })
        expect(res.data.pickup.status).toBe("partially_ready")
        expect(res.data.pickup.rejected_items).toEqual([
          expect.objectContaining({ line_item_id: mugLine.id, quantity: 1, reason: "Chipped on the shelf", sku: "MUG-INK" }),
        ])
        // One mug and the tee left the shelf; the rejected mug's reservation is released.
        expect(await levelAt(container, mug, partDieu)).toEqual({ stocked: mugBefore.stocked - 1, reserved: mugBefore.reserved })
        expect(await levelAt(container, tee, partDieu)).toEqual({ stocked: teeBefore.stocked - 1, reserved: teeBefore.reserved })

        const [note] = await waitFor(async () =>
          (await notificationsOf(container, pickup_id, "pickup.ready")).filter((n: any) => n.data.code === "[redacted]")
        )
        expect(note.data.rejected_items).toEqual([expect.objectContaining({ title: mugLine.title, quantity: 1, reason: "Chipped on the shelf" })])
        // The shopper's message had the code; the stored copy does not.
        expect(sent.to("pickup.ready", note.to).map((n) => n.data?.code)).toEqual([code])

        // Hand-over to a named proxy; only what is handed over is charged.
        const collected = await desk.post(`/staff/pickups/${pickup_id}/collect`, {
          code,
          collected_by: { name: "Paul Martin", relation: "partner" },
        })
        expect(collected.data.pickup.status).toBe("collected")
        expect(collected.data.pickup.collected_by).toEqual({ name: "Paul Martin", relation: "partner" })
        const unitMug = Number(mugLine.total) / 2
        const { captured } = await paymentOf(container, order.id)
        expect(captured).toBeCloseTo(Number(order.total) - unitMug, 2)
      })

      it("cancels at the desk: order canceled, reservations released, payment voided; a ready order's stock goes back on the shelf", async () => {
        const container = getContainer()
        const bellecour = seed.locations["bellecour"]
        const beanie = await inventoryItem("BEANIE-RUST")
        const before = await levelAt(container, beanie, bellecour)
        const desk = await lea()

        const placed = await placePickup(api, seed, { store: "bellecour", lines: [{ variant_id: variants["BEANIE-RUST"], quantity: 1 }] })
        const noReason = await desk.fail(desk.post(`/staff/pickups/${placed.pickup_id}/cancel`, {}))
        expect(noReason.status).toBe(400)
        expect(noReason.data.message).toContain("reason")
        const canceled = await desk.post(`/staff/pickups/${placed.pickup_id}/cancel`, { reason: "Customer phoned to cancel" })
        expect(canceled.data.pickup).toEqual(expect.objectContaining({ status: "canceled", cancel_reason: "Customer phoned to cancel" }))
        const p1 = await paymentOf(container, placed.order.id)
        expect(p1.order.status).toBe("canceled")
        expect(p1.payment.canceled_at).not.toBeNull()
        expect(p1.captured).toBe(0)
        expect(await levelAt(container, beanie, bellecour)).toEqual(before)

        const ready = await placePickup(api, seed, { store: "bellecour", lines: [{ variant_id: variants["BEANIE-RUST"], quantity: 2 }] })
        await desk.post(`/staff/pickups/${ready.pickup_id}/ready`)
        expect(await levelAt(container, beanie, bellecour)).toEqual({ stocked: before.stocked - 2, reserved: before.reserved })
        await desk.post(`/staff/pickups/${ready.pickup_id}/cancel`, { reason: "Damaged in storage" })
        const p2 = await paymentOf(container, ready.order.id)
        expect(p2.order.status).toBe("canceled")
        expect(p2.order.fulfillments[0].canceled_at).not.toBeNull()
        expect(await levelAt(container, beanie, bellecour)).toEqual(before)
        expect(await waitFor(() => notificationsOf(container, ready.pickup_id, "pickup.canceled"))).toHaveLength(1)

        // An order canceled in Medusa's admin cancels its pickup too.
        const viaAdmin = await placePickup(api, seed, { store: "bellecour", lines: [{ variant_id: variants["BEANIE-RUST"], quantity: 1 }] })
        const admin = await adminHeaders(api)
        await api.post(`/admin/orders/${viaAdmin.order.id}/cancel`, {}, admin)
        const followed = await waitFor(async () => {
          const { data } = await desk.get(`/staff/pickups/${viaAdmin.pickup_id}`)
          return data.pickup.status === "canceled" ? [data.pickup] : []
        })
        expect(followed[0]).toEqual(expect.objectContaining({ status: "canceled", cancel_reason: "Order canceled" }))
        expect(await levelAt(container, beanie, bellecour)).toEqual(before)

        // A canceled or collected pickup cannot be canceled again.
        const again = await desk.fail(desk.post(`/staff/pickups/${ready.pickup_id}/cancel`, { reason: "again" }))
        expect(again.status).toBe(409)
        expect(again.data.message).toContain("canceled")
      })

      it("puts a shopper who says they arrived first in the queue, with their note", async () => {
        const confluence = seed.locations["confluence"]
        const first = await placePickup(api, seed, { store: "confluence", lines: [{ variant_id: variants["RAIN-S"], quantity: 1 }] })
        const second = await placePickup(api, seed, {
          store: "confluence",
          customer: 1,
          lines: [{ variant_id: variants["RAIN-S"], quantity: 1 }],
        })
        const tom = bearerClient(api, await loginStaff(api, 2))
        const { data: q1 } = await tom.get(`/staff/pickups?location_id=${confluence}`)
        expect(q1.pickups.map((p: any) => p.id)).toEqual([first.pickup_id, second.pickup_id])

        const bad = await second.shop.fail(second.shop.post(`/store/customers/me/pickups/${second.pickup_id}/arrived`, { note: 5 }))
        expect(bad.status).toBe(400)
        // Someone else's pickup is a 404.
        const notMine = await first.shop.fail(first.shop.post(`/store/customers/me/pickups/${second.pickup_id}/arrived`, {}))
        expect(notMine.status).toBe(404)

        const arrived = await second.shop.post(`/store/customers/me/pickups/${second.pickup_id}/arrived`, { note: "Blue car, bay 3" })
        expect(arrived.data.pickup.arrived_at).toEqual(expect.any(String))
        const { data: q2 } = await tom.get(`/staff/pickups?location_id=${confluence}`)
        expect(q2.pickups.map((p: any) => p.id)).toEqual([second.pickup_id, first.pickup_id])
        expect(q2.pickups[0].arrival_note).toBe("Blue car, bay 3")

        // Search by customer name and by order number.
        const byName = await tom.get(`/staff/pickups?location_id=${confluence}&q=bern`)
        expect(byName.data.pickups.map((p: any) => p.id)).toEqual([second.pickup_id])
        const byNumber = await tom.get(`/staff/pickups?location_id=${confluence}&q=${first.order.display_id}`)
        expect(byNumber.data.pickups.map((p: any) => p.id)).toEqual([first.pickup_id])

        // Once canceled, arriving is a 409.
        await tom.post(`/staff/pickups/${first.pickup_id}/cancel`, { reason: "test" })
        const late = await first.shop.fail(first.shop.post(`/store/customers/me/pickups/${first.pickup_id}/arrived`, {}))
        expect(late.status).toBe(409)
        // The status filter shows it; the default queue does not.
        const { data: q3 } = await tom.get(`/staff/pickups?location_id=${confluence}&status=canceled`)
        expect(q3.pickups.map((p: any) => p.id)).toEqual([first.pickup_id])
        const badStatus = await tom.fail(tom.get(`/staff/pickups?status=lost`))
        expect(badStatus.status).toBe(400)
        expect(badStatus.data.message).toContain("status")
      })
    })

    describe("who may see and do what", () => {
      it("keeps staff to their stores, staff out of /admin, and admins and customers out of /staff", async () => {
        const bellecour = seed.locations["bellecour"]
        const { pickup_id, code } = await placePickup(api, seed, {
          store: "bellecour",
          lines: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
        })
        const other = await nadia() // Croix-Rousse only

        // Another store's pickup does not exist for her.
        for (const [method, url, body] of [
          ["get", `/staff/pickups/${pickup_id}`],
          ["post", `/staff/pickups/${pickup_id}/prepare`, {}],
          ["post", `/staff/pickups/${pickup_id}/ready`, {}],
          ["post", `/staff/pickups/${pickup_id}/collect`, { code }],
          ["post", `/staff/pickups/${pickup_id}/cancel`, { reason: "x" }],
          ["post", "/staff/pickups/verify", { location_id: bellecour, code }],
          ["get", `/staff/pickups?location_id=${bellecour}`],
        ] as const) {
          const res = await other.fail((other as any)[method](url, body))
          expect([url, res.status]).toEqual([url, 404])
        }
        const { data: own } = await other.get("/staff/pickups")
        expect(own.pickups.map((p: any) => p.id)).not.toContain(pickup_id)
        expect((await (await lea()).get(`/staff/pickups/${pickup_id}`)).data.pickup.status).toBe("placed")

        // A staff token opens nothing under /admin.
        const staffToken = await loginStaff(api, 0)
        const asStaff = bearerClient(api, staffToken)
        for (const url of ["/admin/pickups", `/admin/pickups/${pickup_id}`, "/admin/pickup-staff", "/admin/orders", "/admin/pickup-stores"]) {
          expect([url, (await asStaff.fail(asStaff.get(url))).status]).toEqual([url, 401])
        }
        // An admin or customer token, or none, opens nothing under /staff.
        const admin = await adminHeaders(api)
        const asAdmin = bearerClient(api, admin.headers.authorization.replace("Bearer ", ""))
        const { token: customerToken } = await loginCustomer(api, 0)
        for (const client of [asAdmin, bearerClient(api, customerToken), bearerClient(api)]) {
          expect((await client.fail(client.get("/staff/me"))).status).toBe(401)
          expect((await client.fail(client.get(`/staff/pickups/${pickup_id}`))).status).toBe(401)
          expect((await client.fail(client.post(`/staff/pickups/${pickup_id}/prepare`))).status).toBe(401)
        }
        // A staff token is not a customer either.
        const shopAsStaff = storeClient(api, seed, "Web store", staffToken)
        expect((await shopAsStaff.fail(shopAsStaff.get("/store/customers/me/pickups"))).status).toBe(401)

        // The merchant sees every store and may act.
        const { data: all } = await asAdmin.get("/admin/pickups?limit=100")
        expect(all.pickups.map((p: any) => p.id)).toContain(pickup_id)
        const prepared = await asAdmin.post(`/admin/pickups/${pickup_id}/prepare`)
        expect(prepared.data.pickup.timeline[1]).toEqual(
          expect.objectContaining({ action: "preparing", actor: expect.objectContaining({ type: "user", name: "Admin Lumière" }) })
        )
        expect((await asAdmin.fail(asAdmin.get("/admin/pickups/pkor_missing"))).status).toBe(404)
      })
    })

    describe("pickup codes", () => {
      it("limits wrong codes per staff member and per store (429 with Retry-After), never echoing a code", async () => {
        const bellecour = seed.locations["bellecour"]
        const { pickup_id, code } = await placePickup(api, seed, {
          store: "bellecour",
          lines: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
        })
        const desk = await lea()
        const unknown = await desk.fail(desk.post("/staff/pickups/verify", { location_id: bellecour, code: "ZZZZZZZZZZ" }))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toBe("No pickup with that code at this store")
        for (let i = 0; i < 4; i++) {
          const res = await desk.fail(desk.post("/staff/pickups/verify", { location_id: bellecour, code: `WRONG${i}2345` }))
          expect(res.status).toBe(404)
          expect(JSON.stringify(res.data)).not.toContain(`WRONG${i}2345`)
        }
        // Sixth attempt, even with the right code: 429 with a retry time.
        const limited = await desk.fail(desk.post("/staff/pickups/verify", { location_id: bellecour, code }))
        expect(limited.status).toBe(429)
        expect(limited.data.retry_after).toBeGreaterThan(800)
        expect(limited.data.retry_after).toBeLessThanOrEqual(900)
        expect(limited.headers["retry-after"]).toBe(String(limited.data.retry_after))
        expect(JSON.stringify(limited.data)).not.toContain(code)
        // Hand-over by the same member is blocked too.
        expect((await desk.fail(desk.post(`/staff/pickups/${pickup_id}/collect`, { code }))).status).toBe(429)

        // The merchant (another actor) at the same store may still verify…
        const admin = await adminHeaders(api)
        const asAdmin = bearerClient(api, admin.headers.authorization.replace("Bearer ", ""))
        const ok = await asAdmin.post("/admin/pickups/verify", { location_id: bellecour, code })
        expect(ok.data.pickup.id).toBe(pickup_id)
        // …and Léa can at her other store.
        const partDieu = await desk.fail(desk.post("/staff/pickups/verify", { location_id: seed.locations["part-dieu"], code: "ZZZZZZZZZZ" }))
        expect(partDieu.status).toBe(404)

        // Per pickup: 5 wrong codes at its hand-over block it for everyone.
        for (let i = 0; i < 5; i++) {
          const res = await asAdmin.fail(asAdmin.post(`/admin/pickups/${pickup_id}/collect`, { code: "ABCDEFGHJK" }))
          expect(res.status).toBe(i < 5 ? 400 : 429)
        }
        expect((await asAdmin.fail(asAdmin.post(`/admin/pickups/${pickup_id}/collect`, { code }))).status).toBe(429)

        // Bad input is a 400 naming the field, and does not count.
        const bad = await asAdmin.fail(asAdmin.post("/admin/pickups/verify", { code }))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("location_id")
      })

      it("hands over once when two desks collect at the same moment", async () => {
        const container = getContainer()
        const { order, pickup_id, code } = await placePickup(api, seed, {
          store: "part-dieu",
          lines: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
        })
        const desk = await lea()
        await desk.post(`/staff/pickups/${pickup_id}/ready`)
        const admin = await adminHeaders(api)
        const asAdmin = bearerClient(api, admin.headers.authorization.replace("Bearer ", ""))
        const results = await Promise.all([
          desk.fail(desk.post(`/staff/pickups/${pickup_id}/collect`, { code })),
          asAdmin.fail(asAdmin.post(`/admin/pickups/${pickup_id}/collect`, { code })),
          desk.fail(desk.post(`/staff/pickups/${pickup_id}/collect`, { code })),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409])
        const { captured } = await paymentOf(container, order.id)
        expect(captured).toBe(Number(order.total))
        const timeline = results.find((r) => r.status === 200)!.data.pickup.timeline
        expect(timeline.filter((t: any) => t.action === "collected")).toHaveLength(1)
      })

      it("leaves the pickup ready and nothing delivered when the payment capture fails", async () => {
        const container = getContainer()
        const { order, pickup_id, code } = await placePickup(api, seed, {
          store: "bellecour",
          lines: [{ variant_id: variants["TEE-NAV-XL"], quantity: 1 }],
        })
        const desk = await lea()
        await desk.post(`/staff/pickups/${pickup_id}/ready`)
        // The payment is voided behind the desk's back (e.g. the authorization lapsed).
        const before = await paymentOf(container, order.id)
        await container.resolve(Modules.PAYMENT).cancelPayment(before.payment.id)

        const res = await desk.fail(desk.post(`/staff/pickups/${pickup_id}/collect`, { code }))
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("has been canceled")
        const after = await desk.get(`/staff/pickups/${pickup_id}`)
        expect(after.data.pickup.status).toBe("ready")
        expect(after.data.pickup.collected_at).toBeNull()
        expect(after.data.pickup.timeline.map((t: any) => t.action)).toEqual(["placed", "ready"])
        const p = await paymentOf(container, order.id)
        expect(p.order.fulfillments[0].delivered_at).toBeNull()
        expect(p.captured).toBe(0)
      })
    })

    describe("hold period job", () => {
      it("reminds once a day before, expires once when the hold ends (stock released, payment voided), however often it runs", async () => {
        const container = getContainer()
        const bellecour = seed.locations["bellecour"]
        const beanie = await inventoryItem("BEANIE-RUST")
        const before = await levelAt(container, beanie, bellecour)
        const desk = await lea()
        const due = await placePickup(api, seed, { store: "bellecour", lines: [{ variant_id: variants["BEANIE-RUST"], quantity: 1 }] })
        const { data: ready } = await desk.post(`/staff/pickups/${due.pickup_id}/ready`)
        // A second pickup, not yet ready, which the job must leave alone.
        const waiting = await placePickup(api, seed, { store: "bellecour", customer: 1, lines: [{ variant_id: variants["BEANIE-RUST"], quantity: 1 }] })
        const expiresAt = new Date(ready.pickup.expires_at).getTime()

        // Two days before: nothing to do.
        expect(await processPickupHolds(container, new Date(expiresAt - 2 * 86400000))).toEqual({ reminded: [], expired: [], failed: [] })
        // Twelve hours before: one reminder, even with three runs at once and another after.
        const at = new Date(expiresAt - 12 * 3600000)
        const runs = await Promise.all([1, 2, 3].map(() => processPickupHolds(container, at)))
        expect(runs.flatMap((r) => r.reminded)).toEqual([due.pickup_id])
        expect((await processPickupHolds(container, at)).reminded).toEqual([])
        const reminders = await waitFor(async () =>
          (await notificationsOf(container, due.pickup_id, "pickup.expiring")).filter((n: any) => n.data.code === "[redacted]")
        )
        expect(reminders).toHaveLength(1)
        expect(sent.to("pickup.expiring", reminders[0].to).filter((n) => n.data?.code === due.code)).toHaveLength(1)

        // After the hold: expired exactly once across concurrent runs.
        const later = new Date(expiresAt + 60000)
        const expiries = await Promise.all([1, 2, 3].map(() => processPickupHolds(container, later)))
        expect(expiries.flatMap((r) => r.expired)).toEqual([due.pickup_id])
        expect(expiries.flatMap((r) => r.failed)).toEqual([])
        expect(await processPickupHolds(container, later)).toEqual({ reminded: [], expired: [], failed: [] })

        const { data: detail } = await desk.get(`/staff/pickups/${due.pickup_id}`)
        expect(detail.pickup.status).toBe("expired")
        expect(detail.pickup.timeline.map((t: any) => t.action)).toEqual(["placed", "ready", "reminder_sent", "expired"])
        expect(detail.pickup.timeline[3].actor.type).toBe("system")
        const p = await paymentOf(container, due.order.id)
        expect(p.order.status).toBe("canceled")
        expect(p.payment.canceled_at).not.toBeNull()
        // The expired unit is back on the shelf; only the waiting pickup's unit is reserved.
        expect(await levelAt(container, beanie, bellecour)).toEqual({ stocked: before.stocked, reserved: before.reserved + 1 })
        expect(await waitFor(() => notificationsOf(container, due.pickup_id, "pickup.expired"))).toHaveLength(1)
        expect((await desk.get(`/staff/pickups/${waiting.pickup_id}`)).data.pickup.status).toBe("placed")
        // Too late to collect.
        expect((await desk.fail(desk.post(`/staff/pickups/${due.pickup_id}/collect`, { code: due.code }))).status).toBe(409)
        // Let the last notifications finish before the database is reset for the next test.
        await new Promise((r) => setTimeout(r, 300))
      })
    })
  },
})
