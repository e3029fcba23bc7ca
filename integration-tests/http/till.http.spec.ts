import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff, notificationsOf, paymentOf, waitFor } from "../helpers/desk"
import { expectExactStock, stockOnlyAt } from "../helpers/stock"
import { levelAt, loginCustomer, settle, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(300000)

/**
 * Sell (SPEC "The shop as a channel"): the till finds items by scanned code
 * or name with price and shelf stock, sells to a member or a walk-in, records
 * how they paid on a Medusa payment (the till provider), and gives a receipt
 * (the answer, a page for the desk, an email). An exchange is a return and a
 * sale that names it.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let lea: ReturnType<typeof bearerClient>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["TEE-NAV-M", "TEE-NAV-L", "MUG-INK"])
    })
    beforeEach(async () => {
      lea = bearerClient(api, await loginStaff(api, 0)) // Bellecour and Part-Dieu
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })
    const bellecour = () => seed.locations["bellecour"]

    it("finds items by scanned code or name, with Medusa's price and this store's shelf", async () => {
      await stockOnlyAt(getContainer(), "MUG-INK", { [bellecour()]: 4, [seed.locations["warehouse"]]: 50 })
      const { data: scanned } = await lea.get(`/staff/products?location_id=${bellecour()}&q=MUG-INK&scan=true`)
      expect(scanned.items).toEqual([
        expect.objectContaining({ variant_id: variants["MUG-INK"], sku: "MUG-INK", in_store: 4, currency_code: "eur", is_tax_inclusive: true, price: expect.any(Number) }),
      ])
      // The T-shirt's EAN-13 from its label (data/products.json).
      const { data: label } = await lea.get(`/staff/products?location_id=${bellecour()}&q=3760000000024&scan=true`)
      expect(label.items.map((i: any) => i.sku)).toEqual(["TEE-NAV-M"])
      const { data: named } = await lea.get(`/staff/products?location_id=${bellecour()}&q=mug`)
      expect(named.items.map((i: any) => i.sku)).toContain("MUG-INK")

      const unknown = await settle(lea.get(`/staff/products?location_id=${bellecour()}&q=4006381333931&scan=true`))
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("q: no item with the code 4006381333931")
      const notHers = await settle(lea.get(`/staff/products?location_id=${seed.locations["croix-rousse"]}&q=mug`))
      expect(notHers.status).toBe(404)
      const noQuery = await settle(lea.get(`/staff/products?location_id=${bellecour()}`))
      expect(noQuery.status).toBe(400)
    })

    it("sells to a walk-in paying cash: no account, the receipt by email, the payment says cash", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [bellecour()]: 4 })
      const sale = await lea.post("/staff/sales", {
        location_id: bellecour(),
        customer: { walk_in: true, email: "passer.by@example.com" },
        items: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
        payment: { method: "cash" },
      })
      expect(sale.status).toBe(201)
      expect(sale.data.points_earned).toBe(0)
      expect(sale.data.receipt).toMatchObject({
        store: { name: expect.stringContaining("Bellecour") },
        sold_by: "Léa",
        payment: { method: "cash", reference: null },
        points: null,
        order: { email: "passer.by@example.com", sales_channel: { name: "In-store" } },
      })
      expect(await levelAt(getContainer(), mug, bellecour())).toEqual({ stocked: 3, reserved: 0 })
      const { payment, captured } = await paymentOf(getContainer(), sale.data.order.id)
      expect(captured).toBe(Number(sale.data.order.total))
      const { data: [p] } = await getContainer().resolve("query").graph({ entity: "payment", fields: ["provider_id", "data"], filters: { id: payment.id } })
      expect(p).toMatchObject({ provider_id: "pp_till_till", data: { method: "cash", reference: null } })

      const [mail] = await waitFor(() => notificationsOf(getContainer(), sale.data.order.id, "order.receipt"))
      expect(mail).toMatchObject({ to: "passer.by@example.com", template: "order.receipt" })
      expect(mail.data).toMatchObject({ order: { display_id: sale.data.order.display_id, total: expect.anything() }, payment: { method: "cash" } })

      // The desk's printable page reads the same receipt; another store's staff don't see it.
      const { data: page } = await lea.get(`/staff/orders/${sale.data.order.id}/receipt`)
      expect(page.receipt.order.id).toBe(sale.data.order.id)
      const tom = bearerClient(api, await loginStaff(api, 2))
      expect((await settle(tom.get(`/staff/orders/${sale.data.order.id}/receipt`))).status).toBe(404)
    })

    it("sells to a member by card on the terminal: reference kept, points earned, an exchange names its return", async () => {
      await stockOnlyAt(getContainer(), "TEE-NAV-M", { [bellecour()]: 3 })
      await stockOnlyAt(getContainer(), "TEE-NAV-L", { [bellecour()]: 3 })
      const { token } = await loginCustomer(api, 0)
      const { data: { customer } } = await storeClient(api, seed, "Web store", token).get("/store/customers/me")
      const sale = await lea.post("/staff/sales", {
        location_id: bellecour(),
        customer: { email: customer.email },
        items: [{ variant_id: variants["TEE-NAV-M"], quantity: 1 }],
        payment: { method: "card", reference: "TPE-000123" },
      })
      expect(sale.status).toBe(201)
      expect(sale.data.points_earned).toBeGreaterThan(0)
      expect(sale.data.receipt).toMatchObject({ payment: { method: "card", reference: "TPE-000123" }, points: { earned: sale.data.points_earned } })

      // The M is too small: taken back, and the L sold in its place, naming the return.
      const line = (await lea.get(`/staff/orders?q=${sale.data.order.id}`)).data.orders[0].items[0]
      const back = await lea.post("/staff/returns", { order_id: sale.data.order.id, location_id: bellecour(), items: [{ id: line.id, quantity: 1, reason: "Too small" }] })
      expect(back.status).toBe(201)
      const swap = await lea.post("/staff/sales", {
        location_id: bellecour(),
        customer: { email: customer.email },
        items: [{ variant_id: variants["TEE-NAV-L"], quantity: 1 }],
        payment: { method: "card", reference: "TPE-000124" },
        exchange_of: { order_id: sale.data.order.id, return_id: back.data.return.id },
      })
      expect(swap.status).toBe(201)
      expect(swap.data.order.metadata.exchange_of).toEqual({ order_id: sale.data.order.id, return_id: back.data.return.id })
      const tee = async (sku: string) => (await getContainer().resolve("query").graph({ entity: "inventory_item", fields: ["id"], filters: { sku } })).data[0].id
      expect(await levelAt(getContainer(), await tee("TEE-NAV-M"), bellecour())).toEqual({ stocked: 3, reserved: 0 })
      expect(await levelAt(getContainer(), await tee("TEE-NAV-L"), bellecour())).toEqual({ stocked: 2, reserved: 0 })
    })

    it("refuses a bad payment or customer, naming the field, and writes nothing", async () => {
      await stockOnlyAt(getContainer(), "MUG-INK", { [bellecour()]: 2 })
      const base = { location_id: bellecour(), items: [{ variant_id: variants["MUG-INK"], quantity: 1 }] }
      const tillOrders = async () =>
        (await getContainer().resolve("query").graph({ entity: "order", fields: ["id"], filters: { sales_channel_id: seed.sales_channels["In-store"] } })).data.length
      const before = await tillOrders()
      const badMethod = await settle(lea.post("/staff/sales", { ...base, customer: { walk_in: true }, payment: { method: "cheque" } }))
      expect(badMethod.status).toBe(400)
      expect(badMethod.data.errors).toEqual([{ path: "payment.method", message: expect.any(String) }])
      const noMember = await settle(lea.post("/staff/sales", { ...base, customer: { member_code: "ZZZZZZZZ" } }))
      expect(noMember.status).toBe(404)
      expect(noMember.data.message).toBe("customer.member_code: No member with that code")
      const short = await settle(lea.post("/staff/sales", { ...base, customer: { walk_in: true }, items: [{ variant_id: variants["MUG-INK"], quantity: 3 }] }))
      expect(short.status).toBe(409)
      expect(await tillOrders()).toBe(before)
    })

    it("orders what the shelf lacks: delivered from where routing says, or picked up at another store; paid at the till", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [bellecour()]: 0, [seed.locations["part-dieu"]]: 6, [seed.locations["warehouse"]]: 10 })
      const { token } = await loginCustomer(api, 0)
      const shop = storeClient(api, seed, "Web store", token)
      const { data: { customer } } = await shop.get("/store/customers/me")
      const { data: loyalty } = await bearerClient(api, (await adminHeaders(api)).headers.authorization.replace(/^Bearer /, "")).get(`/admin/customers/${customer.id}/loyalty`)
      const address = { first_name: "Camille", last_name: "Durand", address_1: "3 Rue Mercière", city: "Lyon", postal_code: "69002", country_code: "fr" }

      const delivered = await settle(lea.post("/staff/orders", {
        location_id: bellecour(),
        customer: { member_code: loyalty.loyalty.member_code },
        items: [{ variant_id: variants["MUG-INK"], quantity: 1 }],
        fulfillment: { type: "delivery", address },
        payment: { method: "card", reference: "TPE-7" },
      }))
      expect([delivered.status, delivered.data.message]).toEqual([201, undefined])
      const order = delivered.data.receipt.order
      expect(order).toMatchObject({ email: customer.email, sales_channel: { name: "Web store" }, metadata: { endless_aisle: true, store_location_id: bellecour() } })
      expect(delivered.data.receipt.payment).toEqual({ method: "card", reference: "TPE-7" })
      // Reserved where it ships from, not at the shop that took the order.
      expect(await levelAt(getContainer(), mug, seed.locations["warehouse"])).toEqual({ stocked: 10, reserved: 1 })
      const { captured } = await paymentOf(getContainer(), order.id)
      expect(captured).toBe(Number(order.total))
      const { data: history } = await shop.get("/store/customers/me/history?limit=5")
      expect(history.orders.map((o: any) => o.id)).toContain(order.id)

      const picked = await settle(lea.post("/staff/orders", {
        location_id: bellecour(),
        customer: { walk_in: true, email: "camille.d@example.com" },
        items: [{ variant_id: variants["MUG-INK"], quantity: 2 }],
        fulfillment: { type: "pickup", location_id: seed.locations["part-dieu"] },
        payment: { method: "cash" },
      }))
      expect([picked.status, picked.data.message]).toEqual([201, undefined])
      expect(await levelAt(getContainer(), mug, seed.locations["part-dieu"])).toEqual({ stocked: 6, reserved: 2 })
      const pickups = await getContainer().resolve("pickup").listPickupOrders({ order_id: picked.data.receipt.order.id })
      expect(pickups).toHaveLength(1)
      const [placedMail] = await waitFor(() => notificationsOf(getContainer(), pickups[0].id, "pickup.placed"))
      expect(placedMail.to).toBe("camille.d@example.com")

      // A walk-in must give an email; a store without the stock is refused, nothing written.
      const noEmail = await settle(lea.post("/staff/orders", { location_id: bellecour(), customer: { walk_in: true }, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }], fulfillment: { type: "pickup", location_id: seed.locations["part-dieu"] } }))
      expect(noEmail.status).toBe(400)
      expect(noEmail.data.errors).toEqual([{ path: "customer.email", message: expect.any(String) }])
      const lacking = await settle(lea.post("/staff/orders", { location_id: bellecour(), customer: { walk_in: true, email: "x@example.com" }, items: [{ variant_id: variants["MUG-INK"], quantity: 5 }], fulfillment: { type: "pickup", location_id: seed.locations["part-dieu"] } }))
      expect(lacking.status).toBe(409)
      const { data: carts } = await getContainer().resolve("query").graph({ entity: "cart", fields: ["id"], filters: { email: "x@example.com" } })
      expect(carts).toEqual([])
    })

    it("tills selling the last units at once: exactly that many sales, never below zero", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [bellecour()]: 3 })
      const sell = () =>
        settle(lea.post("/staff/sales", { location_id: bellecour(), customer: { walk_in: true }, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }], payment: { method: "cash" } }))
      const results = await Promise.all(Array.from({ length: 6 }, sell))
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409])
      expect(results.find((r) => r.status === 409)!.data.message).toMatch(/MUG-INK/)
      expect(await levelAt(getContainer(), mug, bellecour())).toEqual({ stocked: 0, reserved: 0 })
    })

    it("lets a member pay part with points, by the program's limits, as online", async () => {
      await stockOnlyAt(getContainer(), "TEE-NAV-M", { [bellecour()]: 5 })
      const { token } = await loginCustomer(api, 1)
      const shop = storeClient(api, seed, "Web store", token)
      const { data: { customer } } = await shop.get("/store/customers/me")
      const admin = bearerClient(api, (await adminHeaders(api)).headers.authorization.replace(/^Bearer /, ""))
      await admin.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points: 500, reason: "Welcome gift" })
      const before = (await shop.get("/store/customers/me/loyalty")).data.loyalty
      expect(before.available).toBeGreaterThanOrEqual(500)
      const body = { location_id: bellecour(), customer: { member_code: before.member_code }, items: [{ variant_id: variants["TEE-NAV-M"], quantity: 1 }], payment: { method: "cash" } }

      const tooMany = await settle(lea.post("/staff/sales", { ...body, points: before.available + 1 }))
      expect(tooMany.status).toBe(409)
      expect(tooMany.data.message).toMatch(/^Cannot redeem \d+ points: available/)
      const walkIn = await settle(lea.post("/staff/sales", { ...body, customer: { walk_in: true }, points: 100 }))
      expect(walkIn.status).toBe(400)
      expect(walkIn.data.message).toContain("points: a walk-in has no points")

      const sale = await lea.post("/staff/sales", { ...body, points: 100 })
      expect(sale.status).toBe(201)
      const { payment, captured } = await paymentOf(getContainer(), sale.data.order.id)
      const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["total", "credit_lines.amount", "credit_lines.reference"], filters: { id: sale.data.order.id } })
      const credit = Number(order.credit_lines[0].amount)
      expect(order.credit_lines[0].reference).toBe("loyalty")
      expect(credit).toBeGreaterThan(0)
      // The till charged the order's total, which Medusa computes net of the points.
      expect(captured).toBe(Number(payment.amount))
      expect(captured).toBe(Number(sale.data.receipt.order.total))
      expect(captured + credit).toBeCloseTo(Number(sale.data.receipt.order.items[0].total), 2)
      expect(sale.data.receipt.points).toMatchObject({ spent: 100 })
      const after = (await shop.get("/store/customers/me/loyalty")).data.loyalty
      expect(after.available).toBe(before.available - 100)

      // Taken back in full: the money the till took, and the points it was paid with.
      const line = (await lea.get(`/staff/orders?q=${sale.data.order.id}`)).data.orders[0].items[0]
      const back = await lea.post("/staff/returns", { order_id: sale.data.order.id, location_id: bellecour(), items: [{ id: line.id, quantity: 1 }] })
      expect(back.status).toBe(201)
      expect(back.data.refund.amount).toBe(captured)
      expect(back.data.refund.owed).toBeCloseTo(captured + credit, 2)
      expect(back.data.points_restored).toBe(100)
      expect((await shop.get("/store/customers/me/loyalty")).data.loyalty.available).toBe(before.available)
    })
  },
})
