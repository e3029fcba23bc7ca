import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff, paymentOf, placePickup, waitFor } from "../helpers/desk"
import { completeCart, createCart, levelAt, loginCustomer, storeClient, variantIdsBySku } from "../helpers/store"
import { expectExactStock } from "../helpers/stock"

jest.setTimeout(300000)

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
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TEE-NAV-XL", "NOTEBOOK-A5", "BOTTLE-STEEL"])
    })

    const deliveryOrder = async (shop: ReturnType<typeof storeClient>, email?: string) => {
      const cart = await createCart(shop, seed, [{ variant_id: variants["BOTTLE-STEEL"], quantity: 1 }])
      if (email) await shop.post(`/store/carts/${cart.id}`, { email })
      const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, {
        option_id: options.shipping_options.find((o: any) => o.name === "Standard delivery").id,
      })
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      return res.data.order
    }
    const inventoryItem = async (sku: string) =>
      (await getContainer().resolve("inventory").listInventoryItems({ sku }))[0].id as string

    describe("POST /staff/sales", () => {
      it("records a member's sale at the store: In-store order, paid, handed over, stock down there, points earned", async () => {
        const container = getContainer()
        const bellecour = seed.locations["bellecour"]
        const { token } = await loginCustomer(api, 0)
        const shop = storeClient(api, seed, "Web store", token)
        const { data: me } = await shop.get("/store/customers/me/loyalty")
        // The program's terms for paying with points, as data/loyalty.json sets them.
        expect(me.loyalty.redemption).toEqual({ enabled: true, point_values: { eur: 0.01 }, min_points: 100, max_share: 0.5 })
        const mug = await inventoryItem("MUG-INK")
        const before = await levelAt(container, mug, bellecour)

        const desk = bearerClient(api, await loginStaff(api, 0))
        const res = await desk.post("/staff/sales", {
          location_id: bellecour,
          customer: { member_code: me.loyalty.member_code.toLowerCase() },
          items: [{ variant_id: variants["MUG-INK"], quantity: 2 }],
        })
        expect(res.status).toBe(201)
        expect(res.data.order.sales_channel.name).toBe("In-store")
        expect(res.data.points_earned).toBeGreaterThan(0)
        const { order, payment, captured } = await paymentOf(container, res.data.order.id)
        expect(captured).toBe(Number(res.data.order.total))
        expect(payment.captured_at).not.toBeNull()
        expect(order.fulfillments).toEqual([expect.objectContaining({ location_id: bellecour, delivered_at: expect.anything() })])
        expect(await levelAt(container, mug, bellecour)).toEqual({ stocked: before.stocked - 2, reserved: before.reserved })
        const { data: after } = await shop.get("/store/customers/me/loyalty")
        expect(after.loyalty.entries[0]).toEqual(
          expect.objectContaining({ type: "earn", order_id: res.data.order.id, channel_id: seed.sales_channels["In-store"], points: res.data.points_earned })
        )

        // By email too.
        const byEmail = await desk.post("/staff/sales", {
          location_id: seed.locations["part-dieu"],
          customer: { email: "CAMILLE.MARTIN@example.com" },
          items: [{ variant_id: variants["TEE-NAV-XL"], quantity: 1 }],
        })
        expect(byEmail.status).toBe(201)
      })

      it("refuses bad input (400), unknown members (404), other stores (404), missing stock (409) and non-staff (401)", async () => {
        const desk = bearerClient(api, await loginStaff(api, 0))
        const base = { location_id: seed.locations["bellecour"], customer: { email: "camille.martin@example.com" }, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }] }
        for (const [body, status, text] of [
          [{ ...base, items: [] }, 400, "items"],
          [{ ...base, items: [{ variant_id: variants["MUG-INK"], quantity: 0 }] }, 400, "quantity"],
          [{ ...base, customer: { phone: "123" } }, 400, "customer"],
          [{ ...base, customer: { member_code: "MZZZZZZZZZ" } }, 404, "No member with that code"],
          [{ ...base, customer: { email: "nobody@example.com" } }, 404, "No member with that email"],
          [{ ...base, location_id: seed.locations["croix-rousse"] }, 404, "Store"],
          [{ ...base, items: [{ variant_id: variants["NOTEBOOK-A5"], quantity: 1 }] }, 409, "NOTEBOOK-A5"],
          [{ ...base, items: [{ variant_id: "variant_nope", quantity: 1 }] }, 404, "variant_nope"],
        ] as const) {
          const res = await desk.fail(desk.post("/staff/sales", body))
          expect([text, res.status]).toEqual([text, status])
          expect(res.data.message).toContain(text)
        }
        const admin = await adminHeaders(api)
        const asAdmin = bearerClient(api, admin.headers.authorization.replace("Bearer ", ""))
        expect((await asAdmin.fail(asAdmin.post("/staff/sales", base))).status).toBe(401)
        // Nothing was sold.
        const query = getContainer().resolve("query")
        const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { sales_channel_id: seed.sales_channels["In-store"] } })
        expect(orders).toEqual([])
      })

      it("refuses a sale at a store not linked to the till's channel, or of a product not sold in it, with a 409 that says what to link; nothing written", async () => {
        const container = getContainer()
        const admin = await adminHeaders(api)
        const inStore = seed.sales_channels["In-store"]
        const bellecour = seed.locations["bellecour"]
        const desk = bearerClient(api, await loginStaff(api, 0))
        const sale = { location_id: bellecour, customer: { email: "camille.martin@example.com" }, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }] }
        const mug = await inventoryItem("MUG-INK")
        const before = await levelAt(container, mug, bellecour)
        const query = container.resolve("query")
        const inStoreOrders = async () =>
          (await query.graph({ entity: "order", fields: ["id"], filters: { sales_channel_id: inStore } })).data.length
        const ordersBefore = await inStoreOrders()

        await api.post(`/admin/stock-locations/${bellecour}/sales-channels`, { remove: [inStore] }, admin)
        try {
          const res = await desk.fail(desk.post("/staff/sales", sale))
          expect(res.status).toBe(409)
          expect(res.data.message).toBe(
            'Lyon Bellecour is not set up for till sales: add the sales channel "In-store" to it (Settings → Locations & Shipping → Lyon Bellecour → Sales channels)'
          )
        } finally {
          await api.post(`/admin/stock-locations/${bellecour}/sales-channels`, { add: [inStore] }, admin)
        }

        const { data: [variant] } = await query.graph({ entity: "variant", fields: ["product_id"], filters: { id: variants["MUG-INK"] } })
        await api.post(`/admin/sales-channels/${inStore}/products`, { remove: [variant.product_id] }, admin)
        try {
          const res = await desk.fail(desk.post("/staff/sales", sale))
          expect(res.status).toBe(409)
          expect(res.data.message).toBe('Not sold in the sales channel "In-store": MUG-INK. Add the product(s) to that channel to sell them at the till')
        } finally {
          await api.post(`/admin/sales-channels/${inStore}/products`, { add: [variant.product_id] }, admin)
        }

        expect(await inStoreOrders()).toBe(ordersBefore)
        expect(await levelAt(container, mug, bellecour)).toEqual(before)
        // Set up again, the same sale goes through.
        expect((await desk.post("/staff/sales", sale)).status).toBe(201)
      })
    })

    describe("GET /store/customers/me/history", () => {
      it("lists orders from every channel, newest first, with channel, store, mode, pickup status and points; paginated and filtered", async () => {
        const { token } = await loginCustomer(api, 1)
        const web = storeClient(api, seed, "Web store", token)
        const delivered = await deliveryOrder(web)
        const pickup = await placePickup(api, seed, { store: "bellecour", customer: 1, lines: [{ variant_id: variants["MUG-INK"], quantity: 1 }] })
        const desk = bearerClient(api, await loginStaff(api, 0))
        await desk.post(`/staff/pickups/${pickup.pickup_id}/ready`)
        const sale = await desk.post("/staff/sales", {
          location_id: seed.locations["part-dieu"],
          customer: { email: "lucas.bernard@example.com" },
          items: [{ variant_id: variants["TEE-NAV-XL"], quantity: 1 }],
        })
        // Points are earned by a subscriber: wait for all three.
        await waitFor(async () => {
          const { data } = await web.get("/store/customers/me/loyalty?limit=10")
          return data.loyalty.entries.filter((e: any) => e.type === "earn").length >= 3 ? [1] : []
        })

        const { data } = await web.get("/store/customers/me/history")
        expect(data.count).toBe(3)
        expect(data.orders.map((o: any) => [o.id, o.mode, o.channel.name, o.store?.name ?? null, o.pickup_status])).toEqual([
          [sale.data.order.id, "in_store", "In-store", "Lyon Part-Dieu", null],
          [pickup.order.id, "pickup", "Web store", "Lyon Bellecour", "ready"],
          [delivered.id, "delivery", "Web store", null, null],
        ])
        for (const o of data.orders) {
          expect(o.points_earned).toBeGreaterThan(0)
          expect(o.points_redeemed).toBe(0)
          expect(Number(o.total)).toBeGreaterThan(0)
        }

        const page2 = await web.get("/store/customers/me/history?limit=2&offset=2")
        expect(page2.data).toEqual(expect.objectContaining({ count: 3, limit: 2, offset: 2 }))
        expect(page2.data.orders.map((o: any) => o.id)).toEqual([delivered.id])
        const inStore = await web.get("/store/customers/me/history?channel=in-store")
        expect(inStore.data.orders.map((o: any) => o.id)).toEqual([sale.data.order.id])
        const byId = await web.get(`/store/customers/me/history?channel=${seed.sales_channels["Web store"]}`)
        expect(byId.data.count).toBe(2)
        expect((await web.get("/store/customers/me/history?status=canceled")).data.count).toBe(0)
        for (const bad of ["limit=0", "limit=abc", "status=lost", "sort=asc"]) {
          const res = await web.fail(web.get(`/store/customers/me/history?${bad}`))
          expect([bad, res.status]).toEqual([bad, 400])
        }
        // Another customer sees none of it; anonymous gets 401.
        const other = await loginCustomer(api, 2)
        expect((await storeClient(api, seed, "Web store", other.token).get("/store/customers/me/history")).data.count).toBe(0)
        expect((await web.fail(storeClient(api, seed).get("/store/customers/me/history"))).status).toBe(401)
      })

      it("shows a guest order with the customer's email once claimed through Medusa's order transfer, never someone else's", async () => {
        const { token, email } = await loginCustomer(api, 3)
        const guest = storeClient(api, seed, "Web store")
        const mine = await deliveryOrder(guest, email)
        const stranger = await deliveryOrder(guest, "stranger@example.com")
        const shop = storeClient(api, seed, "Web store", token)
        expect((await shop.get("/store/customers/me/history")).data.count).toBe(0)

        await shop.post(`/store/orders/${mine.id}/transfer/request`, {})
        // Medusa sends the token to the order's email; the test reads it where Medusa keeps it.
        const actions = await getContainer().resolve("order").listOrderChangeActions({ order_id: mine.id })
        const transfer = actions.find((a: any) => a.action === "TRANSFER_CUSTOMER")
        const wrong = await shop.fail(shop.post(`/store/orders/${mine.id}/transfer/accept`, { token: "not-the-token" }))
        expect(wrong.status).toBeGreaterThanOrEqual(400)
        expect((await shop.get("/store/customers/me/history")).data.count).toBe(0)
        await shop.post(`/store/orders/${mine.id}/transfer/accept`, { token: transfer.details.token })

        const { data } = await shop.get("/store/customers/me/history")
        expect(data.orders.map((o: any) => o.id)).toEqual([mine.id])
        expect(data.orders.map((o: any) => o.id)).not.toContain(stranger.id)
      })
    })
  },
})
