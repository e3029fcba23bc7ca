import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import people from "../../data/customers.json"
import { seedDemoData, SeedResult } from "../../data/seed"
import abandonedCartsJob from "../../src/jobs/abandoned-carts"
import segmentsJob from "../../src/jobs/engagement-segments"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff } from "../helpers/desk"
import { completeCart, createCart, loginCustomer, settle, storeClient, variantIdsBySku } from "../helpers/store"
import { expectExactStock } from "../helpers/stock"

jest.setTimeout(300000)

const cents = (n: number) => Math.round(n * 100) / 100
const rate = (n: number) => Math.round(n * 10000) / 10000

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

    /** One line, as a signed-in customer on a channel: delivered, or picked up at a store. */
    const order = async (customer: number, channel: string, sku: string, pickupAt?: string) => {
      const { token } = await loginCustomer(api, customer)
      const shop = storeClient(api, seed, channel, token)
      const cart = await createCart(shop, seed, [{ variant_id: variants[sku], quantity: 1 }])
      if (pickupAt) {
        expect((await settle(shop.post(`/store/carts/${cart.id}/pickup`, { location_id: seed.locations[pickupAt] }))).status).toBe(200)
      } else {
        const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
        await shop.post(`/store/carts/${cart.id}/shipping-methods`, {
          option_id: data.shipping_options.find((o: any) => o.name === "Standard delivery").id,
        })
      }
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      return res.data.order.id as string
    }
    /** History: the order placed at a fixed moment (the nightly catch-up reads the change). */
    const placedAt = async (orderId: string, at: string) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`update "order" set created_at = ?, updated_at = now() where id = ?`, [at, orderId])
    }
    const totalOf = async (orderId: string) =>
      Number((await api.get(`/admin/orders/${orderId}?fields=total`, admin)).data.order.total)
    const metrics = (qs: string) => settle(api.get(`/admin/omnichannel-metrics${qs}`, admin))

    it("computes customers, orders, revenue, AOV, frequency, repeat rate, CLV, channels, pickup share and cohorts as by hand", async () => {
      // Customer 0: a pickup in the app in January, a web delivery in March (omnichannel).
      const c0app = await order(0, "Mobile app", "MUG-INK", "bellecour")
      const c0web = await order(0, "Web store", "MUG-INK")
      // Customer 1: web only, twice in February, and once before the window (lifetime only).
      const c1a = await order(1, "Web store", "NOTEBOOK-A5")
      const c1b = await order(1, "Web store", "MUG-INK")
      const c1old = await order(1, "Web store", "MUG-INK")
      // Customer 2: the till, at the window's first instant.
      const till = await bearerClient(api, await loginStaff(api, 0)).post("/staff/sales", {
        location_id: seed.locations["bellecour"],
        customer: { email: people.customers[2].email },
        items: [{ variant_id: variants["TEE-NAV-XL"], quantity: 1 }],
      })
      expect(till.status).toBe(201)
      const c2till = till.data.order.id as string
      // Customer 3: an order canceled in the window, and one just after it (neither counts).
      const c3canceled = await order(3, "Web store", "MUG-INK")
      const c3after = await order(3, "Mobile app", "MUG-INK")
      expect((await settle(api.post(`/admin/orders/${c3canceled}/cancel`, {}, admin))).status).toBe(200)
      // Customer 2 also ordered on the web, canceled: still a single-channel customer.
      const c2canceled = await order(2, "Web store", "NOTEBOOK-A5")
      expect((await settle(api.post(`/admin/orders/${c2canceled}/cancel`, {}, admin))).status).toBe(200)
      // Customer 3 left a cart on 1 March; the reminder job ran that day (and held it back: they ordered later).
      const { token: c3token } = await loginCustomer(api, 3)
      const left = await createCart(storeClient(api, seed, "Web store", c3token), seed, [{ variant_id: variants["NOTEBOOK-A5"], quantity: 1 }])
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(`update cart set updated_at = '2026-03-01T08:00:00Z' where id = ?`, [left.id])
      await pg.raw(`update cart_line_item set updated_at = '2026-03-01T08:00:00Z' where cart_id = ?`, [left.id])

      await placedAt(c0app, "2026-01-10T09:00:00Z")
      await placedAt(c0web, "2026-03-05T12:00:00Z")
      await placedAt(c1a, "2026-02-14T10:00:00Z")
      await placedAt(c1b, "2026-02-20T10:00:00Z")
      await placedAt(c1old, "2025-12-01T10:00:00Z")
      await placedAt(c2till, "2026-01-01T00:00:00Z")
      await placedAt(c3canceled, "2026-02-01T10:00:00Z")
      await placedAt(c3after, "2026-07-01T00:00:00Z")
      await placedAt(c2canceled, "2026-02-10T10:00:00Z")
      await segmentsJob(getContainer()) // the nightly catch-up records the moved orders
      await abandonedCartsJob(getContainer(), { scheduledFor: new Date("2026-03-01T16:00:00Z") })

      const t: Record<string, number> = {}
      for (const id of [c0app, c0web, c1a, c1b, c1old, c2till]) t[id] = await totalOf(id)
      const res = await metrics("?from=2026-01-01&to=2026-06-30")
      expect(res.status).toBe(200)
      const m = res.data
      expect(m).toEqual(expect.objectContaining({ from: "2026-01-01T00:00:00.000Z", to: "2026-07-01T00:00:00.000Z", currency_code: "eur", channel: null }))

      // By hand. In the window: c0 (2 orders, app + web: omnichannel), c1 (2, web), c2 (1, till).
      const omniRevenue = t[c0app] + t[c0web]
      const singleRevenue = t[c1a] + t[c1b] + t[c2till]
      const revenue = omniRevenue + singleRevenue
      expect(m.totals).toEqual({
        customers: 3,
        orders: 5,
        revenue: cents(revenue),
        average_order_value: cents(revenue / 5),
        purchase_frequency: rate(5 / 3),
        repeat_purchase_rate: rate(2 / 3),
        revenue_per_customer: cents(revenue / 3),
        // historic CLV: every order up to the window's end, c1's December order included
        historic_clv: cents((revenue + t[c1old]) / 3),
      })
      expect(m.by_customer_type.omnichannel).toEqual({
        customers: 1,
        orders: 2,
        revenue: cents(omniRevenue),
        average_order_value: cents(omniRevenue / 2),
        purchase_frequency: 2,
        repeat_purchase_rate: 1,
        revenue_per_customer: cents(omniRevenue),
        historic_clv: cents(omniRevenue),
      })
      expect(m.by_customer_type.single_channel).toEqual({
        customers: 2,
        orders: 3,
        revenue: cents(singleRevenue),
        average_order_value: cents(singleRevenue / 3),
        purchase_frequency: 1.5,
        repeat_purchase_rate: 0.5,
        revenue_per_customer: cents(singleRevenue / 2),
        historic_clv: cents((singleRevenue + t[c1old]) / 2),
      })
      expect(m.by_customer_type.omnichannel_share).toBe(rate(1 / 3))
      expect(m.by_customer_type.ratio).toEqual({
        average_order_value: rate(omniRevenue / 2 / (singleRevenue / 3)),
        purchase_frequency: rate(2 / 1.5),
        repeat_purchase_rate: 2,
        revenue_per_customer: rate(omniRevenue / (singleRevenue / 2)),
        historic_clv: rate(omniRevenue / ((singleRevenue + t[c1old]) / 2)),
      })
      // One pickup (the app), three deliveries, one till sale.
      expect(m.fulfillment).toEqual({ delivery: 3, pickup: 1, in_store: 1, pickup_share: 0.25 })
      const channel = (name: string) => m.by_channel.find((c: any) => c.name === name)
      expect(channel("Web store")).toEqual(
        expect.objectContaining({ id: seed.sales_channels["Web store"], orders: 3, revenue: cents(t[c0web] + t[c1a] + t[c1b]), pickup_orders: 0, pickup_share: 0 })
      )
      expect(channel("Mobile app")).toEqual(expect.objectContaining({ orders: 1, revenue: cents(t[c0app]), pickup_orders: 1, pickup_share: 1 }))
      expect(channel("In-store")).toEqual(expect.objectContaining({ orders: 1, revenue: cents(t[c2till]), in_store_orders: 1 }))
      expect(m.monthly.map((x: any) => [x.month, x.orders, x.revenue])).toEqual([
        ["2026-01", 2, cents(t[c0app] + t[c2till])],
        ["2026-02", 2, cents(t[c1a] + t[c1b])],
        ["2026-03", 1, cents(t[c0web])],
        ["2026-04", 0, 0],
        ["2026-05", 0, 0],
        ["2026-06", 0, 0],
      ])
      // Cohorts: c0 and c2 first bought in January (c1 before the window); c0 came back in March.
      expect(m.cohorts).toEqual([{ cohort: "2026-01", customers: 2, retention: [1, 0, 0.5, 0, 0, 0] }])
      // The cart left in March, in the window's funnel, held back because its shopper ordered since (in July).
      expect(m.abandoned_carts).toEqual({
        abandoned: 1,
        reminded: 0,
        reminders_sent: 0,
        suppressed: 1,
        suppressed_by_reason: { ordered_since: 1 },
        recovered: 0,
        recovery_rate: 0,
      })

      // One channel: only its orders; who is omnichannel is still judged on every channel.
      const web = (await metrics(`?from=2026-01-01&to=2026-06-30&channel=${seed.sales_channels["Web store"]}`)).data
      expect(web.channel).toEqual({ id: seed.sales_channels["Web store"], name: "Web store" })
      expect(web.totals).toEqual(expect.objectContaining({ customers: 2, orders: 3, revenue: cents(t[c0web] + t[c1a] + t[c1b]) }))
      expect(web.by_customer_type.omnichannel).toEqual(expect.objectContaining({ customers: 1, orders: 1, revenue: cents(t[c0web]) }))
      expect(web.by_channel.map((c: any) => c.name)).toEqual(["Web store"])
      // c0's first web order is in March: the web's January cohort is empty, March holds c0.
      expect(web.cohorts).toEqual([{ cohort: "2026-03", customers: 1, retention: [1, 0, 0, 0] }])
      expect(web.abandoned_carts.abandoned).toBe(1)
      const app = (await metrics(`?from=2026-01-01&to=2026-06-30&channel=${seed.sales_channels["Mobile app"]}`)).data
      expect(app.abandoned_carts.abandoned).toBe(0)
      expect(app.totals).toEqual(expect.objectContaining({ orders: 1, customers: 1, revenue: cents(t[c0app]) }))

      // Boundaries: the window's last instant is exclusive (c3's July order is outside), its first inclusive.
      const jan1 = (await metrics("?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:01Z")).data
      expect(jan1.totals).toEqual(expect.objectContaining({ orders: 1, revenue: cents(t[c2till]) }))
      const july = (await metrics("?from=2026-07-01&to=2026-07-01")).data
      expect(july.totals).toEqual(expect.objectContaining({ orders: 1, customers: 1 }))
      expect(july.abandoned_carts.abandoned).toBe(0)
      // Without from: the twelve whole months ending with to's month (to on the 1st: the month before).
      expect((await metrics("?to=2026-06-30")).data.from).toBe("2025-07-01T00:00:00.000Z")
      expect((await metrics("?to=2026-07-01T00:00:00Z")).data.from).toBe("2025-07-01T00:00:00.000Z")
      const beforeJuly = (await metrics("?from=2026-06-01&to=2026-07-01T00:00:00Z")).data
      expect(beforeJuly.totals.orders).toBe(0)

      // A cancellation after the fact leaves the figures (on the next event or the nightly run).
      expect((await settle(api.post(`/admin/orders/${c1b}/cancel`, {}, admin))).status).toBe(200)
      await segmentsJob(getContainer())
      const after = (await metrics("?from=2026-01-01&to=2026-06-30")).data
      expect(after.totals).toEqual(expect.objectContaining({ orders: 4, revenue: cents(revenue - t[c1b]), repeat_purchase_rate: rate(1 / 3) }))
    })

    it("refuses bad windows, channels and currencies with a 400 naming the field", async () => {
      const bad = async (qs: string, field: string) => {
        const res = await metrics(qs)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
      }
      await bad("?from=2026-05-01&to=2026-04-01", "from")
      await bad("?from=yesterday", "from")
      await bad("?to=2026-13-45", "to")
      await bad("?channel=sc_nope", "channel")
      await bad("?currency_code=usd", "currency_code")
      await bad("?currency_code=euros", "currency_code")
      await bad("?from=2000-01-01&to=2026-01-01", "from")
      await bad("?limit=5", "limit")
    })

    it("is for the merchant only", async () => {
      expect((await settle(api.get("/admin/omnichannel-metrics"))).status).toBe(401)
      const shop = storeClient(api, seed, "Web store", (await loginCustomer(api, 0)).token)
      expect((await shop.fail(shop.get("/admin/omnichannel-metrics"))).status).toBe(401)
      const staff = bearerClient(api, await loginStaff(api, 0))
      expect((await settle(staff.get("/admin/omnichannel-metrics"))).status).toBe(401)
    })
  },
})
