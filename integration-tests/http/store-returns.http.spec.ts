import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff, notificationsOf, paymentOf, placePickup, waitFor } from "../helpers/desk"
import { expectExactStock, stockOnlyAt } from "../helpers/stock"
import { completeCart, createCart, levelAt, loginCustomer, settle, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(300000)

/**
 * Take back (SPEC "The shop as a channel"): any shop returns lines of any
 * channel's order through Medusa's return workflows, restocked at that shop
 * or written off, refunded to the original payment by what Medusa owes, the
 * points' share reversed; refusals name the field and write nothing; two
 * returns of one line at once refund it once.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: ReturnType<typeof bearerClient>
    let lea: ReturnType<typeof bearerClient>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["TEE-NAV-M", "MUG-INK"])
    })
    beforeEach(async () => {
      const { headers } = await adminHeaders(api)
      admin = bearerClient(api, headers.authorization.replace(/^Bearer /, ""))
      lea = bearerClient(api, await loginStaff(api, 0)) // Bellecour and Part-Dieu
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    /** A web delivery shipped from the warehouse and captured, as a merchant does in Medusa's admin. */
    const shippedWebOrder = async (sku: string, quantity: number) => {
      const { token } = await loginCustomer(api, 0)
      const shop = storeClient(api, seed, "Web store", token)
      const cart = await createCart(shop, seed, [{ variant_id: variants[sku], quantity }])
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      const option = data.shipping_options.find((o: any) => o.name === "Standard delivery")
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      const order = res.data.order as { id: string; display_id: number; total: number; items: { id: string; quantity: number; total: number }[] }
      await admin.post(`/admin/orders/${order.id}/fulfillments`, {
        location_id: seed.locations["warehouse"],
        items: order.items.map((i) => ({ id: i.id, quantity: i.quantity })),
      })
      const { payment } = await paymentOf(getContainer(), order.id)
      await admin.post(`/admin/payments/${payment.id}/capture`)
      return { order, shop }
    }
    const returnsOf = async (orderId: string) => {
      const { data } = await getContainer().resolve("query").graph({ entity: "return", fields: ["id", "status"], filters: { order_id: orderId } })
      return data
    }
    const refundsOf = async (orderId: string) => {
      const { payment } = await paymentOf(getContainer(), orderId)
      const { data: [p] } = await getContainer().resolve("query").graph({ entity: "payment", fields: ["refunds.amount"], filters: { id: payment.id } })
      return (p.refunds ?? []).map((r: any) => Number(r.amount))
    }
    const inventoryItemOf = async (sku: string) => {
      const { data: [item] } = await getContainer().resolve("query").graph({ entity: "inventory_item", fields: ["id"], filters: { sku } })
      return item.id as string
    }

    it("takes back a web order at a shop: restocked there or written off, refunded what Medusa owes, points' share reversed", async () => {
      const tee = await stockOnlyAt(getContainer(), "TEE-NAV-M", { [seed.locations["warehouse"]]: 10 })
      const { order, shop } = await shippedWebOrder("TEE-NAV-M", 2)
      const line = order.items[0]

      const { data: found } = await lea.get(`/staff/orders?q=%23${order.display_id}`)
      expect(found.orders).toHaveLength(1)
      expect(found.orders[0]).toMatchObject({ id: order.id, channel: "Web store", returnable: true, items: [{ id: line.id, quantity: 2, returnable_quantity: 2 }] })

      const first = await lea.post("/staff/returns", {
        order_id: order.id,
        location_id: seed.locations["bellecour"],
        items: [{ id: line.id, quantity: 1, reason: "Too small", restock: true }],
      })
      expect(first.status).toBe(201)
      expect(first.data.return).toMatchObject({ status: "received", location_id: seed.locations["bellecour"] })
      // Back on Bellecour's shelf (it held none of them); the warehouse's unchanged.
      expect(await levelAt(getContainer(), tee, seed.locations["bellecour"])).toEqual({ stocked: 1, reserved: 0 })
      expect(await levelAt(getContainer(), tee, seed.locations["warehouse"])).toMatchObject({ stocked: 8 })
      // One T-shirt's share: the order's item total split by Medusa, not the shipping.
      const unitTotal = Number(line.total) / 2
      expect(await refundsOf(order.id)).toEqual([unitTotal])
      expect(first.data.refund).toEqual({ payment_id: expect.any(String), amount: unitTotal, owed: unitTotal })
      expect(first.data.points_restored).toBe(0)

      // The points' share of the refund goes back out of the ledger.
      const reversal = await waitFor(async () => {
        const { data } = await admin.get(`/admin/customers/${(await me()).id}/loyalty`)
        return data.loyalty.entries.filter((e: any) => e.order_id === order.id && e.type === "reverse")
      })
      expect(reversal[0].points).toBeLessThan(0)
      // The shopper is told, and their order says so.
      const [told] = await waitFor(() => notificationsOf(getContainer(), order.id, "order.returned_in_store"))
      expect(told.data).toMatchObject({ order_display_id: order.display_id, store_name: expect.stringContaining("Bellecour"), items: [{ quantity: 1 }], refunded_amount: unitTotal })
      expect((await shop.get(`/store/orders/${order.id}/progress`)).data.progress).toMatchObject({ state: "partially_refunded", refunded_amount: unitTotal })

      // The second one is damaged: taken back and refunded, not put on the shelf.
      const second = await lea.post("/staff/returns", {
        order_id: order.id,
        location_id: seed.locations["part-dieu"],
        items: [{ id: line.id, quantity: 1, reason: "Torn seam", restock: false }],
      })
      expect(second.status).toBe(201)
      expect(await levelAt(getContainer(), tee, seed.locations["part-dieu"])).toMatchObject({ stocked: 0 })
      expect(await refundsOf(order.id)).toEqual([unitTotal, unitTotal])

      // Nothing left: named, nothing written.
      const third = await settle(lea.post("/staff/returns", { order_id: order.id, location_id: seed.locations["bellecour"], items: [{ id: line.id, quantity: 1 }] }))
      expect(third.status).toBe(400)
      expect(third.data.message).toContain("items.0.quantity")
      expect(third.data.message).toContain("nothing left to return")
      expect(await returnsOf(order.id)).toHaveLength(2)
      const { data: again } = await lea.get(`/staff/orders?q=${order.id}`)
      expect(again.orders[0].items[0].returnable_quantity).toBe(0)
    })

    const me = async () => {
      const { token } = await loginCustomer(api, 0)
      const { data } = await storeClient(api, seed, "Web store", token).get("/store/customers/me")
      return data.customer as { id: string; email: string }
    }

    it("takes back a till sale at another shop, found by the member's code, refunded to the till's payment", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [seed.locations["bellecour"]]: 5 })
      const customer = await me()
      const sale = await lea.post("/staff/sales", {
        location_id: seed.locations["bellecour"],
        customer: { email: customer.email },
        items: [{ variant_id: variants["MUG-INK"], quantity: 2 }],
      })
      expect(sale.status).toBe(201)
      const { data: loyalty } = await admin.get(`/admin/customers/${customer.id}/loyalty`)
      const { data: found } = await lea.get(`/staff/orders?q=${loyalty.loyalty.member_code}`)
      const order = found.orders.find((o: any) => o.id === sale.data.order.id)
      expect(order).toMatchObject({ channel: "In-store", items: [{ returnable_quantity: 2 }] })

      const res = await lea.post("/staff/returns", {
        order_id: order.id,
        location_id: seed.locations["part-dieu"],
        items: [{ id: order.items[0].id, quantity: 2, restock: true }],
      })
      expect(res.status).toBe(201)
      expect(await levelAt(getContainer(), mug, seed.locations["part-dieu"])).toMatchObject({ stocked: 2 })
      expect(await levelAt(getContainer(), mug, seed.locations["bellecour"])).toMatchObject({ stocked: 3 })
      expect(await refundsOf(order.id)).toEqual([Number(sale.data.order.total)])
    })

    it("refuses what can't be taken back, naming the field, and writes nothing", async () => {
      await stockOnlyAt(getContainer(), "MUG-INK", { [seed.locations["warehouse"]]: 10, [seed.locations["bellecour"]]: 5 })
      const { order } = await shippedWebOrder("MUG-INK", 1)
      const line = order.items[0]
      const at = (body: object) => settle(lea.post("/staff/returns", { order_id: order.id, location_id: seed.locations["bellecour"], ...body }))

      const zero = await at({ items: [{ id: line.id, quantity: 0 }] })
      expect(zero.status).toBe(400)
      expect(zero.data.errors).toEqual([{ path: "items.0.quantity", message: expect.any(String) }])
      const tooMany = await at({ items: [{ id: line.id, quantity: 2 }] })
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.message).toMatch(/items\.0\.quantity: only 1 of/)
      const unknown = await at({ items: [{ id: "ordli_nope", quantity: 1 }] })
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toContain("items.0.id")
      // Not one of her stores (as for every desk route, another store is not found); a shopper's token is not staff.
      const elsewhere = await settle(lea.post("/staff/returns", { order_id: order.id, location_id: seed.locations["croix-rousse"], items: [{ id: line.id, quantity: 1 }] }))
      expect(elsewhere.status).toBe(404)
      const { token } = await loginCustomer(api, 0)
      const asShopper = await settle(bearerClient(api, token).post("/staff/returns", { order_id: order.id, location_id: seed.locations["bellecour"], items: [{ id: line.id, quantity: 1 }] }))
      expect(asShopper.status).toBe(401)

      // Outside the window (30 days by default).
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`update "order" set created_at = now() - interval '31 days' where id = ?`, [order.id])
      const late = await at({ items: [{ id: line.id, quantity: 1 }] })
      expect(late.status).toBe(400)
      expect(late.data.message).toMatch(/order_id: order #\d+'s return window \(30 days\) closed/)
      expect(await returnsOf(order.id)).toEqual([])
      expect(await refundsOf(order.id)).toEqual([])

      // A pickup still waiting at the store is a cancellation, not a return.
      const pickup = await placePickup(api, seed, { store: "bellecour", lines: [{ variant_id: variants["MUG-INK"], quantity: 1 }] })
      const waiting = await settle(lea.post("/staff/returns", { order_id: pickup.order.id, location_id: seed.locations["bellecour"], items: [{ id: pickup.order.items[0].id, quantity: 1 }] }))
      expect(waiting.status).toBe(400)
      expect(waiting.data.message).toContain("cancel the pickup instead")
      await lea.post(`/staff/pickups/${pickup.pickup_id}/cancel`, { reason: "test over" })
    })

    it("two tills returning the same line at once: one return, one refund", async () => {
      const mug = await inventoryItemOf("MUG-INK")
      await stockOnlyAt(getContainer(), "MUG-INK", { [seed.locations["warehouse"]]: 10 })
      const { order } = await shippedWebOrder("MUG-INK", 1)
      const body = (store: string) => ({ order_id: order.id, location_id: seed.locations[store], items: [{ id: order.items[0].id, quantity: 1 }] })
      const results = await Promise.all([settle(lea.post("/staff/returns", body("bellecour"))), settle(lea.post("/staff/returns", body("part-dieu")))])
      expect(results.map((r) => r.status).sort()).toEqual([201, 400])
      expect(await returnsOf(order.id)).toHaveLength(1)
      expect(await refundsOf(order.id)).toHaveLength(1)
      const levels = [await levelAt(getContainer(), mug, seed.locations["bellecour"]), await levelAt(getContainer(), mug, seed.locations["part-dieu"])]
      expect(levels.reduce((s, l) => s + l.stocked, 0)).toBe(1)
    })
  },
})
