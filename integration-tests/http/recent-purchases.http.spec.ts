import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import people from "../../data/customers.json"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff } from "../helpers/desk"
import { completeCart, createCart, loginCustomer, settle, storeClient, variantIdsBySku } from "../helpers/store"
import { expectExactStock } from "../helpers/stock"

jest.setTimeout(300000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TEE-NAV-XL", "BOTTLE-STEEL", "NOTEBOOK-A5"])
      admin = await adminHeaders(api)
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    /** A delivery order of one line on a channel, as a signed-in customer. */
    const order = async (customer: number, channel: string, sku: string, quantity = 1) => {
      const { token } = await loginCustomer(api, customer)
      const shop = storeClient(api, seed, channel, token)
      const cart = await createCart(shop, seed, [{ variant_id: variants[sku], quantity }])
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: data.shipping_options.find((o: any) => o.name === "Standard delivery").id })
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      return res.data.order
    }
    const customerId = async (index: number) => {
      const { token } = await loginCustomer(api, index)
      return (await storeClient(api, seed, "Web store", token).get("/store/customers/me")).data.customer.id as string
    }
    /** Moves an order's date back (history older than today, as a year of trading leaves). */
    const placedDaysAgo = async (orderId: string, days: number) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`update "order" set created_at = now() - (? || ' days')::interval where id = ?`, [String(days), orderId])
    }

    it("lists what a customer bought on the web, in the app and at the till, drops a canceled order, and keeps to the window", async () => {
      const id = await customerId(1)
      const web = await order(1, "Web store", "BOTTLE-STEEL")
      const app = await order(1, "Mobile app", "MUG-INK", 2)
      const desk = bearerClient(api, await loginStaff(api, 0))
      const till = await desk.post("/staff/sales", {
        location_id: seed.locations["bellecour"],
        customer: { email: people.customers[1].email },
        items: [{ variant_id: variants["TEE-NAV-XL"], quantity: 1 }],
      })
      expect(till.status).toBe(201)
      // Someone else's order is not theirs.
      await order(2, "Web store", "NOTEBOOK-A5")
      // Bought 40 days ago: outside the default 30 days, inside 60.
      const old = await order(1, "Web store", "NOTEBOOK-A5")
      await placedDaysAgo(old.id, 40)

      const { data } = await api.get(`/admin/customers/${id}/recent-purchases`, admin)
      expect(data.days).toBe(30)
      expect(data.count).toBe(3)
      expect(data.purchases.map((p: any) => [p.sku, p.quantity, p.channel, p.order_id])).toEqual([
        ["TEE-NAV-XL", 1, "In-store", till.data.order.id],
        ["MUG-INK", 2, "Mobile app", app.id],
        ["BOTTLE-STEEL", 1, "Web store", web.id],
      ])
      expect(data.purchases[0]).toEqual(
        expect.objectContaining({ customer_id: id, product_id: expect.any(String), variant_id: variants["TEE-NAV-XL"], product_title: expect.any(String), bought_at: expect.any(String) })
      )
      const wider = (await api.get(`/admin/customers/${id}/recent-purchases?days=60`, admin)).data
      expect(wider.purchases.map((p: any) => p.sku)).toEqual(["TEE-NAV-XL", "MUG-INK", "BOTTLE-STEEL", "NOTEBOOK-A5"])
      // Day 39 is inside a 40-day window; day 41 is not.
      await placedDaysAgo(old.id, 39)
      expect((await api.get(`/admin/customers/${id}/recent-purchases?days=40`, admin)).data.count).toBe(4)
      await placedDaysAgo(old.id, 41)
      expect((await api.get(`/admin/customers/${id}/recent-purchases?days=40`, admin)).data.count).toBe(3)

      // The shopper's own list: each product once, for leaving them out of recommendations.
      const { token } = await loginCustomer(api, 1)
      const mine = (await storeClient(api, seed, "Mobile app", token).get("/store/customers/me/recent-purchases")).data
      expect(mine.products.map((p: any) => p.product_title)).toHaveLength(3)
      expect(mine.products[0]).toEqual(expect.objectContaining({ variant_ids: [variants["TEE-NAV-XL"]], last_bought_at: expect.any(String) }))

      // Canceled: no longer bought, everywhere at once.
      expect((await api.post(`/admin/orders/${app.id}/cancel`, {}, admin)).status).toBe(200)
      const after = (await api.get(`/admin/customers/${id}/recent-purchases`, admin)).data
      expect(after.purchases.map((p: any) => p.sku)).toEqual(["TEE-NAV-XL", "BOTTLE-STEEL"])
      const mineAfter = (await storeClient(api, seed, "Web store", token).get("/store/customers/me/recent-purchases")).data
      expect(mineAfter.products.flatMap((p: any) => p.variant_ids)).not.toContain(variants["MUG-INK"])
    })

    it("feeds every customer's purchases since a date as JSON pages or CSV", async () => {
      const since = new Date(Date.now() - 1000).toISOString()
      const first = await order(2, "Web store", "MUG-INK", 3)
      const second = await order(3, "Mobile app", "BOTTLE-STEEL")
      const page = (await api.get(`/admin/recent-purchases?since=${encodeURIComponent(since)}&limit=1`, admin)).data
      expect(page).toEqual(expect.objectContaining({ since, count: 2, limit: 1, offset: 0 }))
      expect(page.purchases.map((p: any) => p.order_id)).toEqual([second.id])
      const next = (await api.get(`/admin/recent-purchases?since=${encodeURIComponent(since)}&limit=1&offset=1`, admin)).data
      expect(next.purchases.map((p: any) => [p.order_id, p.email, p.sku, p.quantity, p.channel])).toEqual([
        [first.id, first.email, "MUG-INK", 3, "Web store"],
      ])

      const csv = await api.get(`/admin/recent-purchases?since=${encodeURIComponent(since)}&format=csv`, admin)
      expect(csv.headers["content-type"]).toContain("text/csv")
      expect(csv.headers["content-disposition"]).toContain("attachment")
      const rows = (csv.data as string).trim().split("\r\n")
      expect(rows[0]).toBe("customer_id,email,product_id,product_title,variant_id,variant_title,sku,quantity,channel,order_id,bought_at")
      expect(rows).toHaveLength(3)
      expect(rows[1]).toContain(`,BOTTLE-STEEL,1,Mobile app,${second.id},`)
      expect(rows[2]).toContain(`,MUG-INK,3,Web store,${first.id},`)
      // A date only is midnight UTC of that day; a date-time without a zone is UTC too.
      const today = new Date().toISOString().slice(0, 10)
      const fromDate = (await api.get(`/admin/recent-purchases?since=${today}`, admin)).data
      expect(fromDate.since).toBe(`${today}T00:00:00.000Z`)
      expect(fromDate.count).toBeGreaterThanOrEqual(2)
      expect((await api.get(`/admin/recent-purchases?since=${today}T00:00:00`, admin)).data.since).toBe(`${today}T00:00:00.000Z`)
    })

    it("refuses bad input (400 naming the field), unknown customers (404) and the wrong actor (401)", async () => {
      const id = await customerId(1)
      for (const [url, field] of [
        [`/admin/customers/${id}/recent-purchases?days=0`, "days"],
        [`/admin/customers/${id}/recent-purchases?days=366`, "days"],
        [`/admin/customers/${id}/recent-purchases?days=two`, "days"],
        [`/admin/customers/${id}/recent-purchases?colour=red`, "colour"],
        ["/admin/recent-purchases?since=2026-13-01", "since"],
        ["/admin/recent-purchases?since=yesterday", "since"],
        [`/admin/recent-purchases?since=${new Date(Date.now() + 86400000).toISOString().slice(0, 10)}`, "since"],
        ["/admin/recent-purchases?since=2020-01-01", "since"],
        ["/admin/recent-purchases?format=xml", "format"],
        ["/admin/recent-purchases?limit=501", "limit"],
      ] as const) {
        const res = await settle(api.get(url, admin))
        expect([url, res.status]).toEqual([url, 400])
        expect(res.data.message).toContain(field)
      }
      expect((await settle(api.get("/admin/customers/cus_nope/recent-purchases", admin))).status).toBe(404)
      const { token } = await loginCustomer(api, 1)
      const asCustomer = { headers: { authorization: `Bearer ${token}` } }
      expect((await settle(api.get(`/admin/customers/${id}/recent-purchases`, asCustomer))).status).toBe(401)
      expect((await settle(api.get("/admin/recent-purchases", asCustomer))).status).toBe(401)
      const anonymous = storeClient(api, seed)
      expect((await anonymous.fail(anonymous.get("/store/customers/me/recent-purchases"))).status).toBe(401)
      const shop = storeClient(api, seed, "Web store", token)
      expect((await shop.fail(shop.get("/store/customers/me/recent-purchases?days=-1"))).status).toBe(400)
    })
  },
})
