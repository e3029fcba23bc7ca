import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import people from "../../data/customers.json"
import { seedDemoData, SeedResult } from "../../data/seed"
import abandonedCartsJob from "../../src/jobs/abandoned-carts"
import { signRecoveryToken } from "../../src/lib/abandoned-carts"
import { ENGAGEMENT_MODULE } from "../../src/modules/engagement"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff, sentNotifications, storedCodes } from "../helpers/desk"
import { notificationLog } from "../helpers/notifications"
import { completeCart, loginCustomer, settle, seededCustomerIds, storeClient, variantIdsBySku } from "../helpers/store"
import { expectExactStock } from "../helpers/stock"

jest.setTimeout(300000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: { headers: Record<string, string> }
    const ids: string[] = []

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "BOTTLE-STEEL", "NOTEBOOK-A5", "TEE-NAV-XL"])
      admin = await adminHeaders(api)
      ids.push(...(await seededCustomerIds(api, seed, 4)))
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    const pg = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    /** A signed-in shopper's cart with their own email. */
    const cartOf = async (customer: number, skus: string[], channel = "Web store") => {
      const { token } = await loginCustomer(api, customer)
      const shop = storeClient(api, seed, channel, token)
      const { data } = await shop.post("/store/carts", {
        region_id: seed.region_id,
        email: people.customers[customer].email,
        shipping_address: { first_name: "A", last_name: "B", address_1: "3 Rue Mercière", city: "Lyon", postal_code: "69002", country_code: "fr" },
        items: skus.map((sku) => ({ variant_id: variants[sku], quantity: 1 })),
      })
      return { cart: data.cart, shop }
    }
    /** The cart and its items last changed `hours` ago. */
    const idle = async (cartId: string, hours: number) => {
      await pg().raw(`update cart set updated_at = now() - (? || ' hours')::interval where id = ?`, [String(hours), cartId])
      await pg().raw(`update cart_line_item set updated_at = now() - (? || ' hours')::interval where cart_id = ?`, [String(hours), cartId])
    }
    const reminders = async (cartId: string) =>
      (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: cartId }))
        .filter((n: any) => n.trigger_type === "cart.abandoned_reminder")
        .sort((a: any, b: any) => a.data.sequence - b.data.sequence)
    /** The job's run: every cart it looked at went through without an error. */
    const run = async (at = new Date()) => {
      // As Medusa's job loader calls it: the container and { scheduledFor }.
      const result = await abandonedCartsJob(getContainer(), { scheduledFor: at })
      expect(result.failed).toEqual([])
      return result
    }
    const record = async (cartId: string) => {
      const [row] = await (getContainer().resolve(ENGAGEMENT_MODULE) as any).listAbandonedCarts({ cart_id: cartId })
      return row
    }
    /** Subscribers record orders after the response: wait for the shopper's purchase. */
    const recorded = async (orderId: string) => {
      for (let i = 0; i < 100; i++) {
        const [p] = await (getContainer().resolve(ENGAGEMENT_MODULE) as any).listPurchases({ order_id: orderId })
        if (p) return p
        await new Promise((r) => setTimeout(r, 200))
      }
      throw new Error(`order ${orderId} was never recorded`)
    }
    const tillSale = async (customer: number, sku: string) => {
      const res = await bearerClient(api, await loginStaff(api, 0)).post("/staff/sales", {
        location_id: seed.locations["bellecour"],
        customer: { email: people.customers[customer].email },
        items: [{ variant_id: variants[sku], quantity: 1 }],
      })
      expect(res.status).toBe(201)
      await recorded(res.data.order.id)
      return res.data.order
    }
    const checkout = async (shop: any, cartId: string) => {
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cartId}`)
      await shop.post(`/store/carts/${cartId}/shipping-methods`, { option_id: data.shipping_options.find((o: any) => o.name === "Standard delivery").id })
      const res = await completeCart(shop, cartId)
      expect(res.status).toBe(200)
      await recorded(res.data.order.id)
      return res.data.order
    }

    it("reminds after the delay, at most twice a day apart, with a link that opens the cart; an order after it recovers the cart", async () => {
      const { cart, shop } = await cartOf(0, ["MUG-INK", "BOTTLE-STEEL"])
      await idle(cart.id, 3)
      await run()
      expect(await reminders(cart.id)).toHaveLength(0) // 3 h < 4 h
      await idle(cart.id, 5)
      const sent = sentNotifications()
      const log = notificationLog(getContainer())
      await run()
      const [first] = await reminders(cart.id)
      expect(first).toEqual(expect.objectContaining({ to: people.customers[0].email, template: "cart.abandoned_reminder" }))
      // The shopper's email has the link; the stored copy keeps "[redacted]" in its place.
      expect(first.data).toEqual(expect.objectContaining({ cart_id: cart.id, sequence: 1, currency_code: "eur", recovery_url: "[redacted]" }))
      const [message] = sent.to("cart.abandoned_reminder", people.customers[0].email)
      sent.restore()
      expect(message.data).toEqual(
        expect.objectContaining({ cart_id: cart.id, sequence: 1, currency_code: "eur", recovery_url: expect.stringMatching(/^http:\/\/localhost:8000\/cart\/recover\/[\w-]+\.[a-z0-9]+\.[\w-]+$/) })
      )
      const token = String(message.data!.recovery_url).split("/").pop()!
      // Nowhere to read it back: not the notification table, not GET /admin/notifications, not the log.
      expect(await storedCodes(getContainer(), api, admin.headers.authorization.replace("Bearer ", ""), [token])).toEqual([])
      const lines = log.lines().filter((line) => line.includes("(cart.abandoned_reminder)"))
      log.restore()
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain('"recovery_url":"[redacted]"')
      expect(lines[0]).not.toContain(token)
      expect(first.data.items.map((i: any) => [i.variant_id, i.quantity, i.unit_price, i.title])).toEqual(
        expect.arrayContaining([[variants["MUG-INK"], 1, 18, expect.any(String)], [variants["BOTTLE-STEEL"], 1, 32, expect.any(String)]])
      )
      // the image is the line item's (Medusa copies the product's thumbnail; the demo products have none)
      for (const item of first.data.items) expect(item).toHaveProperty("thumbnail")
      // The link opens the cart, with the same channel's key.
      const opened = await shop.get(`/store/carts/recover/${token}`)
      expect(opened.data.cart).toEqual(expect.objectContaining({ id: cart.id, total: expect.any(Number) }))
      expect(opened.data.cart.items).toHaveLength(2)

      // Again at once: nothing (a day between reminders); a day later the second; then no more.
      await run()
      expect(await reminders(cart.id)).toHaveLength(1)
      await pg().raw(`update engagement_abandoned_cart set last_reminded_at = now() - interval '25 hours' where cart_id = ?`, [cart.id])
      await run()
      expect((await reminders(cart.id)).map((n: any) => n.data.sequence)).toEqual([1, 2])
      await pg().raw(`update engagement_abandoned_cart set last_reminded_at = now() - interval '25 hours' where cart_id = ?`, [cart.id])
      await run()
      expect(await reminders(cart.id)).toHaveLength(2)
      expect(await record(cart.id)).toEqual(expect.objectContaining({ status: "reminded", reminders_sent: 2 }))

      // Another cart of the same shopper within the cooldown: held back, recorded once.
      const other = await cartOf(0, ["NOTEBOOK-A5"], "Mobile app")
      await idle(other.cart.id, 6)
      await run()
      await run()
      expect(await reminders(other.cart.id)).toHaveLength(0)
      expect(await record(other.cart.id)).toEqual(expect.objectContaining({ status: "pending", suppressed_reason: "cooldown" }))

      // The shopper comes back through the link and buys: recovered, by that order.
      const order = await checkout(shop, cart.id)
      for (let i = 0; i < 100 && (await record(cart.id)).status !== "recovered"; i++) await new Promise((r) => setTimeout(r, 200))
      expect(await record(cart.id)).toEqual(expect.objectContaining({ status: "recovered", recovered_order_id: order.id }))
      const { data } = await api.get("/admin/abandoned-carts", admin)
      expect(data.funnel).toEqual({
        abandoned: 2,
        reminded: 1,
        reminders_sent: 2,
        suppressed: 0,
        suppressed_by_reason: { cooldown: 1 },
        recovered: 1,
        recovery_rate: 1,
      })
      expect(data.carts.find((c: any) => c.cart_id === cart.id).history).toEqual([
        expect.objectContaining({ kind: "sent", sequence: 1 }),
        expect.objectContaining({ kind: "sent", sequence: 2 }),
      ])
      // A completed cart's link says so, and nothing more.
      const used = await settle(shop.get(`/store/carts/recover/${token}`))
      expect(used.status).toBe(409)
      expect(JSON.stringify(used.data)).not.toContain(cart.id)
    })

    it("checks every channel before each reminder: bought at the till, on the app, half the items, or opted out", async () => {
      // Customer 1 bought something else at the till since: no reminder.
      const tillShopper = await cartOf(1, ["MUG-INK"])
      await idle(tillShopper.cart.id, 5)
      await tillSale(1, "TEE-NAV-XL")
      // Customer 2 bought the cart's item on the app, from another cart: no reminder.
      const appShopper = await cartOf(2, ["BOTTLE-STEEL"])
      await idle(appShopper.cart.id, 5)
      const again = await cartOf(2, ["BOTTLE-STEEL"], "Mobile app")
      await checkout(again.shop, again.cart.id)
      // Customer 3 bought one of two items at the till: a reminder for the other only.
      const half = await cartOf(3, ["MUG-INK", "TEE-NAV-XL"])
      await idle(half.cart.id, 5)
      await tillSale(3, "MUG-INK")

      await run()
      expect(await reminders(tillShopper.cart.id)).toHaveLength(0)
      expect(await record(tillShopper.cart.id)).toEqual(expect.objectContaining({ status: "suppressed", suppressed_reason: "ordered_since" }))
      expect(await reminders(appShopper.cart.id)).toHaveLength(0)
      expect(await record(appShopper.cart.id)).toEqual(expect.objectContaining({ status: "suppressed", suppressed_reason: "bought_all_items" }))
      const [rest] = await reminders(half.cart.id)
      expect(rest.data.items.map((i: any) => i.variant_id)).toEqual([variants["TEE-NAV-XL"]])

      // Opted out of marketing: recorded, never sent.
      await api.post(`/admin/customers/${ids[1]}`, { metadata: { accepts_marketing: false } }, admin)
      const optedOut = await cartOf(1, ["BOTTLE-STEEL"])
      await idle(optedOut.cart.id, 5)
      await run()
      expect(await reminders(optedOut.cart.id)).toHaveLength(0)
      expect(await record(optedOut.cart.id)).toEqual(expect.objectContaining({ status: "suppressed", suppressed_reason: "opted_out" }))

      // The funnel and each cart's history, for the merchant.
      const { data } = await api.get("/admin/abandoned-carts", admin)
      expect(data.funnel).toEqual({
        abandoned: 4,
        reminded: 1,
        reminders_sent: 1,
        suppressed: 3,
        suppressed_by_reason: { ordered_since: 1, bought_all_items: 1, opted_out: 1 },
        recovered: 0,
        recovery_rate: 0,
      })
      const halfRow = data.carts.find((c: any) => c.cart_id === half.cart.id)
      expect(halfRow.history).toEqual([expect.objectContaining({ kind: "sent", sequence: 1 })])
      expect((await settle(api.get("/admin/abandoned-carts?status=lost", admin))).status).toBe(400)
      const { token } = await loginCustomer(api, 0)
      expect((await settle(storeClient(api, seed, "Web store", token).get("/admin/abandoned-carts"))).status).toBe(401)
    })

    it("asks the Order Module before sending: an order the read model never recorded still stops the reminder", async () => {
      const { cart } = await cartOf(0, ["NOTEBOOK-A5"])
      await idle(cart.id, 5)
      // The shopper bought the item from another cart; its record in the read model is lost
      // (as when the subscriber failed), so only the Order Module knows.
      const other = await cartOf(0, ["NOTEBOOK-A5"])
      const order = await checkout(other.shop, other.cart.id)
      const engagement = getContainer().resolve(ENGAGEMENT_MODULE) as any
      await engagement.deletePurchases((await engagement.listPurchases({ order_id: order.id })).map((p: any) => p.id))
      await run()
      expect(await reminders(cart.id)).toHaveLength(0)
      expect(await record(cart.id)).toEqual(expect.objectContaining({ status: "suppressed", suppressed_reason: "bought_all_items" }))
    })

    it("answers a tampered, expired, unknown or other channel's link with the same 404", async () => {
      const { cart, shop } = await cartOf(2, ["MUG-INK"])
      const key = (getContainer().resolve(ENGAGEMENT_MODULE) as any).recoveryKey
      const good = signRecoveryToken(key, cart.id, new Date(Date.now() + 3600_000))
      expect((await shop.get(`/store/carts/recover/${good}`)).data.cart.id).toBe(cart.id)
      const [c, e, s] = good.split(".")
      const bad = [
        `${c}.${e}.${s.slice(0, -3)}abc`,
        signRecoveryToken(key, cart.id, new Date(Date.now() - 1000)),
        signRecoveryToken(key, "cart_01NOSUCHCART0000000000000", new Date(Date.now() + 3600_000)),
        "not-a-token",
      ]
      for (const token of bad) {
        const res = await settle(shop.get(`/store/carts/recover/${token}`))
        expect(res.status).toBe(404)
        expect(res.data).toEqual({ type: "not_found", message: "This link is not valid or has expired" })
      }
      const otherChannel = await settle(storeClient(api, seed, "In-store").get(`/store/carts/recover/${good}`))
      expect(otherChannel.status).toBe(404)
      expect(otherChannel.data).toEqual({ type: "not_found", message: "This link is not valid or has expired" })
    })
  },
})
