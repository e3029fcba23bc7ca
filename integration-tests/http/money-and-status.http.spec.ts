import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff, waitFor } from "../helpers/desk"
import { expectExactStock, stockOnlyAt } from "../helpers/stock"
import { completeCart, createCart, loginCustomer, StoreClient, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(300000)

/**
 * What a person reads is what is charged (SPEC "Money"), and every order says
 * where it stands (GET /store/orders/:id/progress, the history's progress):
 * the France region is tax-inclusive through Medusa's price preference, so the
 * same item costs, carries and earns the same on the web, in the app and at
 * the till; deliveries go processing → shipped (carrier, tracking) → delivered,
 * parcel by parcel; till sales, cancellations and refunds say so.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: ReturnType<typeof bearerClient>

    afterEach(async () => {
      await expectExactStock(getContainer())
    })
    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["TEE-NAV-M", "MUG-INK"])
    })
    beforeEach(async () => {
      const { headers } = await adminHeaders(api)
      admin = bearerClient(api, headers.authorization.replace(/^Bearer /, ""))
    })

    const orderRead = async (id: string) => {
      const { data: [order] } = await getContainer().resolve("query").graph({
        entity: "order",
        fields: ["id", "total", "tax_total", "items.unit_price", "items.is_tax_inclusive", "items.total", "items.tax_total", "items.tax_lines.rate"],
        filters: { id },
      })
      // Medusa's computed totals are BigNumber values: compared as the API sends them.
      return JSON.parse(JSON.stringify(order))
    }
    const earned = async (orderId: string) => {
      const [entry] = await waitFor(async () => {
        const { data } = await admin.get(`/admin/customers/${(await me()).id}/loyalty`)
        return data.loyalty.entries.filter((e: any) => e.order_id === orderId && e.type === "earn")
      })
      return entry.points as number
    }
    const me = async () => {
      const { token } = await loginCustomer(api, 0)
      const { data } = await storeClient(api, seed, "Web store", token).get("/store/customers/me")
      return data.customer as { id: string; email: string }
    }
    const pickupOrder = async (shop: StoreClient) => {
      const cart = await createCart(shop, seed, [{ variant_id: variants["TEE-NAV-M"], quantity: 1 }])
      await shop.post(`/store/carts/${cart.id}/pickup`, { location_id: seed.locations["bellecour"] })
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      return res.data.order.id as string
    }
    const deliveryOrder = async (shop: StoreClient, sku = "MUG-INK", quantity = 1) => {
      const cart = await createCart(shop, seed, [{ variant_id: variants[sku], quantity }])
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      const option = data.shipping_options.find((o: any) => o.name === "Standard delivery")
      const { data: withShipping } = await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      // The total the shopper read on the cart (with its shipping) is the order's.
      expect(res.data.order.total).toBe(withShipping.cart.total)
      return res.data.order as { id: string; total: number; items: { id: string; quantity: number }[] }
    }
    const progressOf = async (shop: StoreClient, id: string) => (await shop.get(`/store/orders/${id}/progress`)).data.progress

    it("prices, taxes and rewards the same T-shirt alike on the web, in the app and at the till", async () => {
      await stockOnlyAt(getContainer(), "TEE-NAV-M", { [seed.locations["bellecour"]]: 10, [seed.locations["warehouse"]]: 10 })
      const { token } = await loginCustomer(api, 0)
      const web = await pickupOrder(storeClient(api, seed, "Web store", token))
      const app = await pickupOrder(storeClient(api, seed, "Mobile app", token))
      const desk = bearerClient(api, await loginStaff(api, 0))
      const sale = await desk.post("/staff/sales", {
        location_id: seed.locations["bellecour"],
        customer: { email: (await me()).email },
        items: [{ variant_id: variants["TEE-NAV-M"], quantity: 1 }],
      })
      expect(sale.status).toBe(201)
      const till = sale.data.order.id as string

      const read = await Promise.all([web, app, till].map(orderRead))
      for (const order of read) {
        // €24.90 on the shelf is €24.90 charged, VAT (20 %) inside it, booked on the order.
        expect(order.items).toEqual([
          expect.objectContaining({ unit_price: 24.9, is_tax_inclusive: true, total: 24.9, tax_total: 4.15, tax_lines: [expect.objectContaining({ rate: 20 })] }),
        ])
        expect([order.total, order.tax_total]).toEqual([24.9, 4.15])
      }
      // The till's answer carries what its receipt prints: the line, its VAT, the VAT and the total.
      expect(sale.data.order).toMatchObject({ total: 24.9, tax_total: 4.15, items: [expect.objectContaining({ total: 24.9, tax_total: 4.15 })] })
      const points = [await earned(web), await earned(app), sale.data.points_earned]
      expect(points[0]).toBeGreaterThan(0)
      expect(points).toEqual([points[0], points[0], points[0]])
      // The till's payment is the order's total, VAT included.
      const { data: [paid] } = await getContainer().resolve("query").graph({
        entity: "order",
        fields: ["payment_collections.amount", "payment_collections.captured_amount"],
        filters: { id: till },
      })
      expect(paid.payment_collections.map((p: any) => [p.amount, p.captured_amount])).toEqual([[24.9, 24.9]])
    })

    it("shows a delivery processing, shipped with its tracking, then delivered; a till sale bought in store; both in the history", async () => {
      const { token } = await loginCustomer(api, 0)
      const shop = storeClient(api, seed, "Web store", token)
      const order = await deliveryOrder(shop)
      expect(await progressOf(shop, order.id)).toMatchObject({
        mode: "delivery",
        state: "processing",
        store: null,
        shipments: [{ state: "processing", items: [{ title: expect.any(String), quantity: 1 }], tracking_url: null }],
        refunded_amount: 0,
        currency_code: "eur",
      })

      // The merchant ships it in Medusa's admin, with a tracking label.
      await admin.post(`/admin/orders/${order.id}/fulfillments`, {
        location_id: seed.locations["warehouse"],
        items: order.items.map((i) => ({ id: i.id, quantity: i.quantity })),
      })
      const { data: fulfilled } = await admin.get(`/admin/orders/${order.id}?fields=*fulfillments`)
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      await admin.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, {
        items: order.items.map((i) => ({ id: i.id, quantity: i.quantity })),
        labels: [{ tracking_number: "6A1234", tracking_url: "https://tracking.example/6A1234", label_url: "https://tracking.example/label" }],
      })
      expect(await progressOf(shop, order.id)).toMatchObject({
        state: "shipped",
        shipments: [
          { id: fulfillmentId, state: "shipped", location: { id: seed.locations["warehouse"] }, tracking_number: "6A1234", tracking_url: "https://tracking.example/6A1234", shipped_at: expect.any(String), delivered_at: null },
        ],
      })
      await admin.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`)
      expect(await progressOf(shop, order.id)).toMatchObject({ state: "delivered", shipments: [{ state: "delivered", delivered_at: expect.any(String) }] })

      const desk = bearerClient(api, await loginStaff(api, 0))
      const sale = await desk.post("/staff/sales", {
        location_id: seed.locations["bellecour"],
        customer: { email: (await me()).email },
        items: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
      })
      const { data: history } = await shop.get("/store/customers/me/history?limit=2")
      expect(history.orders.map((o: any) => [o.id, o.progress.mode, o.progress.state, o.progress.store?.name ?? null])).toEqual([
        [sale.data.order.id, "in_store", "sold_in_store", "Lyon Bellecour"],
        [order.id, "delivery", "delivered", null],
      ])
    })

    it("shows each part of a split delivery on its own, with the carrier the store shipped with", async () => {
      const L = seed.locations
      // No single location has 3: the line is split, 1 from Bellecour (ranked first) and 2 from the warehouse.
      await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 1, [L.warehouse]: 2 })
      await admin.post("/admin/fulfillment-routing", {
        default: { rules: ["priority"], priority: [L.bellecour, L.warehouse] },
        locations: [{ location_id: L.bellecour, ships: true }],
      })
      const shop = storeClient(api, seed)
      const order = await deliveryOrder(shop, "MUG-INK", 3)
      const before = await progressOf(shop, order.id)
      expect(before.state).toBe("processing")
      expect(before.shipments.map((s: any) => [s.location.id, s.state, s.items[0].quantity]).sort()).toEqual(
        [[L.bellecour, "processing", 1], [L.warehouse, "processing", 2]].sort()
      )
      const { data } = await admin.get(`/admin/shipments?location_id=${L.bellecour}`)
      const shipment = data.shipments.find((s: any) => s.order.id === order.id)
      const desk = bearerClient(api, await loginStaff(api, 0))
      await desk.post(`/staff/shipments/${shipment.id}/pick`)
      await desk.post(`/staff/shipments/${shipment.id}/pack`)
      await desk.post(`/staff/shipments/${shipment.id}/ship`, { carrier: "Colissimo", tracking_number: "6A999", tracking_url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A999" })
      const after = await progressOf(shop, order.id)
      expect(after.state).toBe("partially_shipped")
      expect(after.shipments).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ location: { id: L.bellecour, name: "Lyon Bellecour" }, state: "shipped", carrier: "Colissimo", tracking_number: "6A999", tracking_url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A999" }),
          expect.objectContaining({ location: expect.objectContaining({ id: L.warehouse }), state: "processing", carrier: null }),
        ])
      )
      await admin.post("/admin/fulfillment-routing", {
        default: null,
        locations: [{ location_id: L.bellecour, ships: null }],
      })
    })

    it("says canceled and refunded (with the amount), and 404s an unknown order", async () => {
      const shop = storeClient(api, seed)
      const canceled = await deliveryOrder(shop)
      await admin.post(`/admin/orders/${canceled.id}/cancel`)
      expect((await progressOf(shop, canceled.id)).state).toBe("canceled")

      const refunded = await deliveryOrder(shop)
      const { data: [withPayment] } = await getContainer().resolve("query").graph({
        entity: "order",
        fields: ["payment_collections.payments.id"],
        filters: { id: refunded.id },
      })
      const paymentId = withPayment.payment_collections[0].payments[0].id
      await admin.post(`/admin/payments/${paymentId}/capture`)
      await admin.post(`/admin/payments/${paymentId}/refund`, { amount: 5 })
      expect(await progressOf(shop, refunded.id)).toMatchObject({ state: "partially_refunded", refunded_amount: 5 })

      const unknown = await shop.fail(shop.get("/store/orders/order_nope/progress"))
      expect(unknown.status).toBe(404)
    })
  },
})
