import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import {
  completeCart,
  createCart,
  levelAt,
  loginCustomer,
  nextWeekday,
  setStock,
  storeClient,
  variantIdsBySku,
} from "../helpers/store"
import { expectExactStock } from "../helpers/stock"
import { adminHeaders } from "../helpers/admin"
import { sentNotifications, storedCodes, waitFor } from "../helpers/desk"

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
      variants = await variantIdsBySku(getContainer(), ["NOTEBOOK-A5", "TEE-NAV-M", "MUG-INK", "BOTTLE-STEEL", "EARBUDS-BLK"])
    })

    const reservationsOf = async (orderId: string) => {
      const container = getContainer()
      const query = container.resolve("query")
      const { data: [order] } = await query.graph({ entity: "order", fields: ["items.id"], filters: { id: orderId } })
      return container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
    }

    describe("POST /store/carts/:id/pickup", () => {
      it("sets the store's pickup shipping method and records the choice; DELETE removes both", async () => {
        const shop = storeClient(api, seed)
        const cart = await createCart(shop, seed, [{ variant_id: variants["NOTEBOOK-A5"], quantity: 1 }])
        const res = await shop.post(`/store/carts/${cart.id}/pickup`, {
          location_id: seed.locations["croix-rousse"],
          pickup_person: { name: "Léa Martin", phone: "+33 6 00 00 00 00" },
        })
        expect(res.status).toBe(200)
        expect(res.data.pickup).toEqual(
          expect.objectContaining({
            cart_id: cart.id,
            location_id: seed.locations["croix-rousse"],
            slot_start: null,
            pickup_person: { name: "Léa Martin", phone: "+33 6 00 00 00 00" },
          })
        )
        expect(res.data.cart.shipping_methods.map((m: any) => m.name)).toEqual(["Pick up at Lyon Croix-Rousse"])

        const removed = await shop.delete(`/store/carts/${cart.id}/pickup`)
        expect(removed.data.cart.shipping_methods).toEqual([])
        const again = await shop.fail(shop.delete(`/store/carts/${cart.id}/pickup`))
        expect(again.status).toBe(404)
      })

      it("refuses a store that lacks an item with 409 naming the item and quantities, and leaves the cart unchanged", async () => {
        const shop = storeClient(api, seed)
        const cart = await createCart(shop, seed, [
          { variant_id: variants["NOTEBOOK-A5"], quantity: 1 },
          { variant_id: variants["MUG-INK"], quantity: 1 },
        ])
        // The notebook is in stock at Croix-Rousse only, not at Bellecour.
        const res = await shop.fail(shop.post(`/store/carts/${cart.id}/pickup`, { location_id: seed.locations["bellecour"] }))
        expect(res.status).toBe(409)
        expect(res.data.message).toContain("NOTEBOOK-A5: requested 1, available 0")
        const { data } = await shop.get(`/store/carts/${cart.id}`)
        expect(data.cart.shipping_methods).toEqual([])
      })

      it("validates store, slot and body: 404, 400 with the field, 409 for a completed cart", async () => {
        const shop = storeClient(api, seed)
        const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
        const post = (body: any, id = cart.id) => shop.fail(shop.post(`/store/carts/${id}/pickup`, body))

        expect((await post({ location_id: "sloc_01UNKNOWN" })).status).toBe(404)
        expect((await post({ location_id: seed.locations["bellecour"] }, "cart_01UNKNOWN")).status).toBe(404)
        const off = await post({ location_id: seed.locations["guillotiere"] })
        expect(off.status).toBe(400)
        expect(off.data.message).toMatch(/not offered/)
        const malformed = await post({ location_id: "bellecour" })
        expect(malformed.status).toBe(400)
        expect(malformed.data.message).toContain("location_id")
        const badPerson = await post({ location_id: seed.locations["bellecour"], pickup_person: { name: "" } })
        expect(badPerson.status).toBe(400)
        const past = await post({ location_id: seed.locations["bellecour"], slot_start: "2020-01-07T10:00:00+01:00" })
        expect(past.status).toBe(400)
        expect(past.data.message).toContain("slot_start")
        const tuesday = nextWeekday(2)
        const outside = await post({ location_id: seed.locations["bellecour"], slot_start: `${tuesday}T07:00:00+01:00` })
        expect(outside.status).toBe(400)
        expect(outside.data.message).toContain("slot_start")
        const noSlots = await post({ location_id: seed.locations["croix-rousse"], slot_start: `${tuesday}T10:00:00+01:00` })
        expect(noSlots.status).toBe(400)

        // The warehouse has no pickup; a store taken out of the cart's channel is refused too.
        expect((await post({ location_id: seed.locations["warehouse"] })).status).toBe(400)
        const admin = await api.post("/auth/user/emailpass", { email: "admin@example.com", password: "supersecret" })
        await api.post(
          `/admin/stock-locations/${seed.locations["vaise"]}/sales-channels`,
          { remove: [seed.sales_channels["Web store"]] },
          { headers: { authorization: `Bearer ${admin.data.token}` } }
        )
        const otherChannel = await post({ location_id: seed.locations["vaise"] })
        expect(otherChannel.status).toBe(400)
        expect(otherChannel.data.message).toMatch(/does not sell in this sales channel/)

        // A completed cart can't change its pickup.
        const done = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
        await shop.post(`/store/carts/${done.id}/pickup`, { location_id: seed.locations["bellecour"] })
        expect((await completeCart(shop, done.id)).data.type).toBe("order")
        const completed = await post({ location_id: seed.locations["part-dieu"] }, done.id)
        expect(completed.status).toBe(409)
        expect(completed.data.message).toMatch(/already completed/)
        expect((await shop.fail(shop.delete(`/store/carts/${done.id}/pickup`))).status).toBe(409)

        const { data } = await shop.get(`/store/carts/${cart.id}`)
        expect(data.cart.shipping_methods).toEqual([])
      })

      it("books a slot and refuses it once full", async () => {
        const admin = await api.post("/auth/user/emailpass", { email: "admin@example.com", password: "supersecret" })
        await api.post(
          `/admin/pickup-stores/${seed.locations["bellecour"]}`,
          { slot_capacity: 1 },
          { headers: { authorization: `Bearer ${admin.data.token}` } }
        )
        const shop = storeClient(api, seed)
        const slots = (await shop.get(`/store/pickup-stores/${seed.locations["bellecour"]}/slots?date=${nextWeekday(3)}`)).data.slots
        const slot = slots[2].start

        const first = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
        const chosen = await shop.post(`/store/carts/${first.id}/pickup`, { location_id: seed.locations["bellecour"], slot_start: slot })
        expect(new Date(chosen.data.pickup.slot_start).getTime()).toBe(new Date(slot).getTime())
        const placed = await completeCart(shop, first.id)
        expect(placed.data.type).toBe("order")

        const after = (await shop.get(`/store/pickup-stores/${seed.locations["bellecour"]}/slots?date=${nextWeekday(3)}`)).data.slots
        expect(after[2]).toEqual(expect.objectContaining({ remaining: 0, available: false }))

        const second = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
        const full = await shop.fail(shop.post(`/store/carts/${second.id}/pickup`, { location_id: seed.locations["bellecour"], slot_start: slot }))
        expect(full.status).toBe(409)
        expect(full.data.message).toMatch(/full/)
      })
    })

    describe("POST /store/carts/:id/complete with a pickup", () => {
      it("reserves every item at the chosen store, not at another location of the channel", async () => {
        const container = getContainer()
        const { token, email } = await loginCustomer(api, 0)
        const shop = storeClient(api, seed, "Web store", token)
        const confluence = seed.locations["confluence"]
        // Plenty of stock in the warehouse and the other stores; the chosen store has 3.
        const itemId = await setStock(container, "BOTTLE-STEEL", confluence, 3)
        const before = await levelAt(container, itemId, confluence)

        const events: any[] = []
        container.resolve(Modules.EVENT_BUS).subscribe("pickup.placed", async (event: any) => {
          events.push(event.data)
        })
        const sent = sentNotifications()

        const cart = await createCart(shop, seed, [{ variant_id: variants["BOTTLE-STEEL"], quantity: 2 }])
        await shop.post(`/store/carts/${cart.id}/pickup`, {
          location_id: confluence,
          pickup_person: { name: "Léa Martin", email: "lea@example.com" },
        })
        const res = await completeCart(shop, cart.id)
        expect(res.status).toBe(200)
        expect(res.data.type).toBe("order")

        const reservations = await reservationsOf(res.data.order.id)
        expect(reservations.map((r: any) => [r.location_id, Number(r.quantity)])).toEqual([[confluence, 2]])
        expect(await levelAt(container, itemId, confluence)).toEqual({ stocked: 3, reserved: before.reserved + 2 })

        // Control: the same item shipped is reserved by Medusa core elsewhere,
        // so the pickup reservation above is the plugin's doing.
        const delivery = await createCart(shop, seed, [{ variant_id: variants["BOTTLE-STEEL"], quantity: 1 }])
        const { data: options } = await shop.get(`/store/shipping-options?cart_id=${delivery.id}`)
        await shop.post(`/store/carts/${delivery.id}/shipping-methods`, {
          option_id: options.shipping_options.find((o: any) => o.name === "Standard delivery").id,
        })
        const shipped = await completeCart(shop, delivery.id)
        const [coreReservation] = await reservationsOf(shipped.data.order.id)
        expect(coreReservation.location_id).not.toBe(confluence)

        // The shopper sees the pickup with its code and QR.
        const { data: list } = await shop.get("/store/customers/me/pickups")
        expect(list.count).toBe(1)
        const pickup = list.pickups[0]
        expect(pickup).toEqual(
          expect.objectContaining({
            status: "placed",
            order: expect.objectContaining({ id: res.data.order.id }),
            store: expect.objectContaining({ id: confluence, name: "Lyon Confluence", instructions: expect.any(String) }),
            pickup_person: { name: "Léa Martin", email: "lea@example.com" },
            ready_by: expect.stringMatching(/\+0[12]:00$/),
          })
        )
        expect(pickup.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/)
        expect(pickup.qr).toMatch(/^data:image\/png;base64,/)
        const { data: one } = await shop.get(`/store/customers/me/pickups/${pickup.id}`)
        expect(one.pickup.code).toBe(pickup.code)
        // By order (an order page): this order's pickup; the delivery order has none; a bad id is a 400.
        const { data: byOrder } = await shop.get(`/store/customers/me/pickups?order_id=${res.data.order.id}`)
        expect(byOrder.pickups.map((p: any) => p.id)).toEqual([pickup.id])
        expect((await shop.get(`/store/customers/me/pickups?order_id=${shipped.data.order.id}`)).data.count).toBe(0)
        expect((await shop.fail(shop.get("/store/customers/me/pickups?order_id=nope"))).status).toBe(400)

        // Stored hashed: the code appears nowhere in the pickup row.
        const row = await container.resolve("pickup").retrievePickupOrder(pickup.id)
        expect(JSON.stringify(row)).not.toContain(pickup.code)

        // Another customer gets 404 for it; anonymous gets 401.
        const other = await loginCustomer(api, 1)
        const otherShop = storeClient(api, seed, "Web store", other.token)
        expect((await otherShop.fail(otherShop.get(`/store/customers/me/pickups/${pickup.id}`))).status).toBe(404)
        expect((await otherShop.get("/store/customers/me/pickups")).data.count).toBe(0)
        expect((await otherShop.get(`/store/customers/me/pickups?order_id=${res.data.order.id}`)).data.count).toBe(0)
        expect((await shop.fail(storeClient(api, seed).get("/store/customers/me/pickups"))).status).toBe(401)

        // pickup.placed was announced with a notification carrying the code to
        // the order's email; the stored copy keeps "[redacted]" instead.
        const notifications = await waitFor(async () =>
          (await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: pickup.id })).filter(
            (n: any) => n.data?.code === "[redacted]"
          )
        )
        expect(notifications.map((n: any) => n.to)).toEqual([cart.email])
        expect(email).toBeTruthy()
        const placed = notifications.filter((n: any) => n.trigger_type === "pickup.placed")
        expect(placed).toHaveLength(1)
        expect(placed[0].data).toEqual(expect.objectContaining({ code: "[redacted]", store_name: "Lyon Confluence" }))
        const message = sent.to("pickup.placed", cart.email)
        sent.restore()
        expect(message.map((n) => n.data?.code)).toEqual([pickup.code])
        // Nowhere to read it back: not the notification table, not the admin API.
        const { headers } = await adminHeaders(api)
        expect(await storedCodes(container, api, headers.authorization.replace("Bearer ", ""), [pickup.code])).toEqual([])
        expect(await waitFor(async () => events)).toEqual([{ id: pickup.id }])
      })

      it("fails with 409 and reserves nothing when the store sold out in between", async () => {
        const container = getContainer()
        const shop = storeClient(api, seed)
        const gratteCiel = seed.locations["gratte-ciel"]
        const itemId = await setStock(container, "TEE-NAV-M", gratteCiel, 3) // safety stock 1 → 2 for pickup
        const cart = await createCart(shop, seed, [{ variant_id: variants["TEE-NAV-M"], quantity: 2 }])
        await shop.post(`/store/carts/${cart.id}/pickup`, { location_id: gratteCiel })

        await setStock(container, "TEE-NAV-M", gratteCiel, 2) // now only 1 can go to pickup
        const res = await completeCart(shop, cart.id)
        expect(res.status).toBe(409)
        expect(res.data.message).toContain("TEE-NAV-M")

        const inventory = container.resolve(Modules.INVENTORY)
        const reservations = await inventory.listReservationItems({ inventory_item_id: itemId })
        expect(reservations).toEqual([])
        const pickups = await container.resolve("pickup").listPickupOrders({ cart_id: cart.id })
        expect(pickups).toEqual([])
        const { data } = await shop.get(`/store/carts/${cart.id}`)
        expect(data.cart.completed_at).toBeNull()
      })

      it("the workflow run by an app, without the middleware's classification or with a stale one, completes the cart's actual pickup", async () => {
        const container = getContainer()
        const shop = storeClient(api, seed)
        const confluence = seed.locations["confluence"]
        await setStock(container, "MUG-INK", confluence, 10)
        const prepare = async () => {
          const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
          await shop.post(`/store/carts/${cart.id}/pickup`, { location_id: confluence })
          const { data: pc } = await shop.post("/store/payment-collections", { cart_id: cart.id })
          await shop.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
            provider_id: "pp_system_default",
          })
          const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
          return { cart, delivery: options.shipping_options.find((o: any) => o.name === "Standard delivery").id }
        }
        const { completeOmnichannelCartWorkflow } = await import("../../src/workflows")
        // No classification handed in (an app's own completion route), then
        // one made before the shopper switched from delivery to this store.
        const first = await prepare()
        const second = await prepare()
        const runs = [
          { id: first.cart.id },
          { id: second.cart.id, shipping_options: { [second.delivery]: { kind: "delivery" as const, location_id: null, location_name: null } } },
        ]
        for (const input of runs) {
          const { result } = await completeOmnichannelCartWorkflow(container).run({ input })
          const [record] = await container.resolve("pickup").listPickupOrders({ order_id: result.id })
          expect(record).toEqual(expect.objectContaining({ location_id: confluence, status: "placed" }))
          expect((await reservationsOf(result.id)).map((r: any) => r.location_id)).toEqual([confluence])
        }
      })

      it("needs no shipping address: a pickup cart completes with only an email", async () => {
        const shop = storeClient(api, seed)
        const { data } = await shop.post("/store/carts", {
          region_id: seed.region_id,
          email: "walk-in@example.com",
          items: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
        })
        // Medusa fills in only the country of a one-country region.
        expect(data.cart.shipping_address?.address_1 ?? null).toBeNull()
        await shop.post(`/store/carts/${data.cart.id}/pickup`, { location_id: seed.locations["bellecour"] })
        const res = await completeCart(shop, data.cart.id)
        expect(res.data.type).toBe("order")
        const [reservation] = await reservationsOf(res.data.order.id)
        expect(reservation.location_id).toBe(seed.locations["bellecour"])
      })

      it("treats a cart switched back to delivery as a normal order", async () => {
        const shop = storeClient(api, seed)
        const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
        await shop.post(`/store/carts/${cart.id}/pickup`, { location_id: seed.locations["bellecour"] })
        const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
        const standard = options.shipping_options.find((o: any) => o.name === "Standard delivery")
        await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: standard.id })
        const res = await completeCart(shop, cart.id)
        expect(res.data.type).toBe("order")
        expect(await getContainer().resolve("pickup").listPickupOrders({ order_id: res.data.order.id })).toEqual([])
      })

      it("20 checkouts at once for the last 5 units at one store: exactly 5 orders, 15 clear 409s", async () => {
        const container = getContainer()
        const shop = storeClient(api, seed)
        const partDieu = seed.locations["part-dieu"]
        // Part-Dieu keeps 2 back: 7 stocked → 5 for pickup. The warehouse has plenty,
        // so core alone would reserve there.
        const itemId = await setStock(container, "MUG-INK", partDieu, 7)

        const carts = []
        for (let i = 0; i < 20; i++) {
          const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
          await shop.post(`/store/carts/${cart.id}/pickup`, { location_id: partDieu })
          const { data: pc } = await shop.post("/store/payment-collections", { cart_id: cart.id })
          await shop.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
            provider_id: "pp_system_default",
          })
          carts.push(cart.id)
        }

        const results = await Promise.all(carts.map((id) => shop.fail(shop.post(`/store/carts/${id}/complete`))))
        const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
        const conflicts = results.filter((r) => r.status === 409)
        expect({ orders: orders.length, conflicts: conflicts.length }).toEqual({ orders: 5, conflicts: 15 })
        for (const c of conflicts) {
          expect(c.data.message).toMatch(/Not enough stock at Lyon Part-Dieu|busy/)
        }

        const level = await levelAt(container, itemId, partDieu)
        expect(level).toEqual({ stocked: 7, reserved: 5 })
        const reservations = await container.resolve(Modules.INVENTORY).listReservationItems({ inventory_item_id: itemId })
        expect(reservations).toHaveLength(5)
        expect(reservations.every((r: any) => r.location_id === partDieu)).toBe(true)
        expect(await container.resolve("pickup").listPickupOrders({ location_id: partDieu })).toHaveLength(5)

        // Availability shown to shoppers is now 0, never negative.
        const { data } = await shop.get(`/store/pickup-stores?variant_ids[]=${variants["MUG-INK"]}&q=Part-Dieu`)
        expect(data.stores[0].availability.items[0].available).toBe(0)
      })
    })
  },
})
