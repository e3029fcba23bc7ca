import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { addDays } from "date-fns"
import { seedDemoData, SeedResult } from "../../data/seed"
import { expireLoyaltyLotsWorkflow } from "../../src/workflows/loyalty/maintenance"
import { MedusaError } from "@medusajs/framework/utils"
import { completeOmnichannelCartWorkflow } from "../../src/workflows/checkout"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, waitFor } from "../helpers/desk"
import { completeCart, createCart, loginCustomer, setStock, storeClient, variantIdsBySku } from "../helpers/store"
import { expectExactStock } from "../helpers/stock"

jest.setTimeout(300000)

/** Carts whose checkout fails after the points were debited (the workflow then rolls back). */
const failAfterDebit = new Set<string>()
completeOmnichannelCartWorkflow.hooks.checkoutCompleted(async ({ cart_id }: { cart_id: string }) => {
  if (failAfterDebit.has(cart_id)) throw new MedusaError(MedusaError.Types.CONFLICT, "Simulated failure after the debit")
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: ReturnType<typeof bearerClient>

    // SPEC 1a: after every scenario each level's reserved quantity = its live reservations.
    afterEach(async () => {
      await expectExactStock(getContainer())
    })
    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TEE-NAV-M", "BOTTLE-STEEL"])
    })
    beforeEach(async () => {
      const { headers } = await adminHeaders(api)
      admin = bearerClient(api, headers.authorization.replace("Bearer ", ""))
    })

    const customerId = async (index: number) => {
      const { token } = await loginCustomer(api, index)
      const { data } = await storeClient(api, seed, "Web store", token).get("/store/customers/me")
      return { id: data.customer.id as string, token }
    }
    /** A delivered web order for a logged-in customer, optionally paid partly with points. */
    const buy = async (token: string, lines: { variant_id: string; quantity: number }[], points?: number, channel = "Web store") => {
      const shop = storeClient(api, seed, channel, token)
      const cart = await createCart(shop, seed, lines)
      const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, {
        option_id: options.shipping_options.find((o: any) => o.name === "Standard delivery").id,
      })
      if (points) await shop.post(`/store/carts/${cart.id}/loyalty`, { points })
      return { cart, result: await completeCart(shop, cart.id), shop }
    }
    const loyaltyOf = async (token: string) => (await storeClient(api, seed, "Web store", token).get("/store/customers/me/loyalty?limit=50")).data.loyalty

    it("earns on an order, pending until the return window passes; one earn however often the event comes", async () => {
      await admin.post("/admin/loyalty/program", { earn_rates: { eur: 2 }, include_shipping: false, pending_days: 14 })
      const { id, token } = await customerId(0)
      const { result } = await buy(token, [{ variant_id: variants["MUG-INK"], quantity: 2 }])
      expect(result.status).toBe(200)
      const order = result.data.order
      const expected = Math.floor((Number(order.total) - Number(order.shipping_total)) * 2)
      const [earn] = await waitFor(async () => (await loyaltyOf(token)).entries)
      expect(earn).toEqual(expect.objectContaining({ type: "earn", points: expected, status: "pending", order_id: order.id, channel_id: seed.sales_channels["Web store"] }))
      const mine = await loyaltyOf(token)
      expect(mine).toEqual(expect.objectContaining({ available: 0, pending: expected, member_code: expect.stringMatching(/^M[A-Z2-9]{9}$/) }))
      expect(mine.member_qr).toMatch(/^data:image\/png;base64,/)

      // The customer is told, once.
      const notes = await waitFor(async () =>
        (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ trigger_type: "loyalty.points_earned" })).filter(
          (n: any) => n.resource_id === earn.id
        )
      )
      expect(notes).toEqual([expect.objectContaining({ to: "camille.martin@example.com", data: expect.objectContaining({ points: expected }) })])

      // order.placed delivered again: nothing new.
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: order.id } })
      await new Promise((r) => setTimeout(r, 500))
      expect((await loyaltyOf(token)).entries).toHaveLength(1)

      // Fifteen days on, the same entry counts as available.
      const service = getContainer().resolve("omnichannel_loyalty")
      const later = await service.balance(mine.account_id, addDays(new Date(), 15))
      expect(later).toEqual({ available: expected, pending: 0 })
      // The merchant sees the same account, and an order's own entries.
      const { data } = await admin.get(`/admin/customers/${id}/loyalty`)
      expect(data.loyalty).toEqual(expect.objectContaining({ pending: expected, member_code: mine.member_code }))
      const { data: byOrder } = await admin.get(`/admin/customers/${id}/loyalty?order_id=${order.id}`)
      expect(byOrder.loyalty.entries.map((e: any) => e.id)).toEqual([earn.id])
      expect((await admin.get(`/admin/customers/${id}/loyalty?order_id=order_other`)).data.loyalty.entries).toEqual([])
    })

    it("redeems points at checkout through a cart credit line: right totals, debit on order, limits as 409s", async () => {
      await admin.post("/admin/loyalty/program", { point_values: { eur: 0.01 }, min_redeem_points: 100, max_redeem_share: 0.5, pending_days: 0 })
      const { id, token } = await customerId(1)
      await admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 1000, reason: "Welcome gift" })
      const shop = storeClient(api, seed, "Web store", token)
      const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const before = (await shop.get(`/store/carts/${cart.id}`)).data.cart.total

      for (const [points, text] of [[50, "minimum 100"], [1500, "available 1000"]] as const) {
        const res = await shop.fail(shop.post(`/store/carts/${cart.id}/loyalty`, { points }))
        expect([points, res.status]).toEqual([points, 409])
        expect(res.data.message).toContain(text)
      }
      const maxPoints = Math.floor((Number(before) * 0.5) / 0.01)
      const tooMuch = await shop.fail(shop.post(`/store/carts/${cart.id}/loyalty`, { points: maxPoints + 1 }))
      expect(tooMuch.status).toBe(409)
      expect(tooMuch.data.message).toContain(`maximum for this cart ${maxPoints}`)
      expect((await shop.fail(shop.post(`/store/carts/${cart.id}/loyalty`, { points: "many" }))).status).toBe(400)
      // Someone else's cart: 404; anonymous: 401.
      const other = await loginCustomer(api, 2)
      const otherShop = storeClient(api, seed, "Web store", other.token)
      expect((await otherShop.fail(otherShop.post(`/store/carts/${cart.id}/loyalty`, { points: 100 }))).status).toBe(404)
      expect((await shop.fail(storeClient(api, seed).post(`/store/carts/${cart.id}/loyalty`, { points: 100 }))).status).toBe(401)

      const applied = await shop.post(`/store/carts/${cart.id}/loyalty`, { points: 300 })
      expect(applied.data.loyalty.amount).toBe(3)
      expect(Number(applied.data.cart.total)).toBeCloseTo(Number(before) - 3, 2)
      // Applying again replaces, it does not add.
      const again = await shop.post(`/store/carts/${cart.id}/loyalty`, { points: 200 })
      expect(again.data.cart.credit_lines).toHaveLength(1)
      expect(Number(again.data.cart.total)).toBeCloseTo(Number(before) - 2, 2)
      expect((await loyaltyOf(token)).available).toBe(1000) // nothing debited yet
      // Removing them restores the total; applying again works.
      const removedOpen = await shop.delete(`/store/carts/${cart.id}/loyalty`)
      expect(removedOpen.data.cart.credit_lines).toEqual([])
      expect(Number(removedOpen.data.cart.total)).toBeCloseTo(Number(before), 2)
      await shop.post(`/store/carts/${cart.id}/loyalty`, { points: 200 })

      const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: options.shipping_options.find((o: any) => o.name === "Standard delivery").id })
      const done = await completeCart(shop, cart.id)
      expect(done.status).toBe(200)
      const order = done.data.order
      const mine = await loyaltyOf(token)
      const redeem = mine.entries.find((e: any) => e.type === "redeem")
      expect(redeem).toEqual(expect.objectContaining({ points: -200, order_id: order.id }))
      // The order's total is what the card paid; points covered 2.00 of it.
      const query = getContainer().resolve("query")
      const { data: [o] } = await query.graph({ entity: "order", fields: ["total", "credit_line_total", "payment_collections.amount"], filters: { id: order.id } })
      expect(Number(o.credit_line_total)).toBe(2)
      expect(Number(o.payment_collections[0].amount)).toBeCloseTo(Number(o.total), 2)
      await waitFor(async () => ((await loyaltyOf(token)).entries.some((e: any) => e.type === "earn") ? [1] : []))
      expect((await loyaltyOf(token)).available).toBe(1000 - 200 + (await loyaltyOf(token)).entries.find((e: any) => e.type === "earn").points)

      const removed = await shop.fail(shop.delete(`/store/carts/${cart.id}/loyalty`))
      expect(removed.status).toBe(409) // the cart is completed
    })

    it("applying points is one credit line per cart, however many calls arrive at once", async () => {
      await admin.post("/admin/loyalty/program", { point_values: { eur: 0.01 }, min_redeem_points: 100, max_redeem_share: 0.5, pending_days: 0 })
      // A customer of its own (registered here), so no other test's balance moves.
      const email = `points-race-${Date.now()}@example.com`
      const registered = await api.post("/auth/customer/emailpass/register", { email, password: "race-password" })
      await storeClient(api, seed, "Web store", registered.data.token).post("/store/customers", { email, first_name: "Race" })
      const token = (await api.post("/auth/customer/emailpass", { email, password: "race-password" })).data.token
      const shop = storeClient(api, seed, "Web store", token)
      const id = (await shop.get("/store/customers/me")).data.customer.id
      await admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 5000, reason: "Concurrency" })
      const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 2 }])
      const before = Number((await shop.get(`/store/carts/${cart.id}`)).data.cart.total)
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => shop.fail(shop.post(`/store/carts/${cart.id}/loyalty`, { points: 100 + i })))
      )
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(200))
      const { data } = await shop.get(`/store/carts/${cart.id}`)
      expect(data.cart.credit_lines).toHaveLength(1)
      // The line left is one of the calls' amounts, and the total is less exactly that.
      const points = Number(data.cart.credit_lines[0].metadata.points)
      expect(points).toBeGreaterThanOrEqual(100)
      expect(points).toBeLessThanOrEqual(107)
      expect(Number(data.cart.total)).toBeCloseTo(before - points * 0.01, 2)
    })

    it("never overspends: 50 checkouts of 100 points at once against 1,000 available", async () => {
      await admin.post("/admin/loyalty/program", { point_values: { eur: 0.01 }, min_redeem_points: 100, max_redeem_share: 1, pending_days: 30 })
      const { id, token } = await customerId(3)
      await admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 1000, reason: "Test balance" })
      // Plenty of stock wherever core reserves, spread over ten items so that
      // core's inventory locks are not the bottleneck: this test is about points.
      const skus = ["BOTTLE-STEEL", "MUG-INK", "TEE-NAV-M", "TEE-NAV-L", "TEE-NAV-S", "BEANIE-RUST", "RAIN-S", "RAIN-M", "TOTE-SAND", "SOCKS-40-43"]
      const ids = await variantIdsBySku(getContainer(), skus)
      const usable = skus.filter((s) => ids[s])
      for (const sku of usable) for (const location of Object.values(seed.locations)) await setStock(getContainer(), sku, location, 500)
      const shop = storeClient(api, seed, "Web store", token)
      const carts: string[] = []
      for (let i = 0; i < 50; i++) {
        const cart = await createCart(shop, seed, [{ variant_id: ids[usable[i % usable.length]], quantity: 1 }])
        const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
        await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: options.shipping_options.find((o: any) => o.name === "Standard delivery").id })
        await shop.post(`/store/carts/${cart.id}/loyalty`, { points: 100 })
        const { data: pc } = await shop.post("/store/payment-collections", { cart_id: cart.id })
        await shop.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
        carts.push(cart.id)
      }
      const results = await Promise.all(carts.map((id) => shop.fail(shop.post(`/store/carts/${id}/complete`))))
      const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
      const refused = results.filter((r) => r.status !== 200 || r.data.type !== "order")
      // Checkouts with points take turns per customer from the balance check to
      // the debit: exactly 10 orders, and every other one refused before any order.
      expect(orders.length).toBe(10)
      for (const r of refused) {
        expect(r.status).toBe(409)
        expect(r.data.message).toMatch(/^Cannot redeem 100 points: available 0, /)
      }
      const service = getContainer().resolve("omnichannel_loyalty")
      const [account] = await service.listLoyaltyAccounts({ customer_id: id })
      const balance = await service.balance(account.id)
      expect(balance.available).toBe(1000 - 100 * orders.length)
      expect(balance.available).toBeGreaterThanOrEqual(0)
    })

    it("reverses on cancellation (redeemed points returned) and in proportion on a partial refund, never below zero", async () => {
      await admin.post("/admin/loyalty/program", { earn_rates: { eur: 1 }, include_shipping: true, pending_days: 0, point_values: { eur: 0.01 }, min_redeem_points: 1, max_redeem_share: 1 })
      const { id, token } = await customerId(2)
      const first = await buy(token, [{ variant_id: variants["TEE-NAV-M"], quantity: 2 }])
      const order = first.result.data.order
      const [earn] = await waitFor(async () => (await loyaltyOf(token)).entries.filter((e: any) => e.type === "earn"))
      expect(earn.points).toBe(Math.floor(Number(order.total)))

      // Partial refund of 40 % of the order: capture first, then refund.
      const container = getContainer()
      const query = container.resolve("query")
      const { data: [o] } = await query.graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: order.id } })
      const paymentId = o.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/capture`, {}, await adminHeaders(api))
      const refundAmount = Math.round(Number(order.total) * 0.4 * 100) / 100
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: refundAmount }, await adminHeaders(api))
      const [reversal] = await waitFor(async () => (await loyaltyOf(token)).entries.filter((e: any) => e.type === "reverse"))
      expect(reversal.points).toBe(-Math.round((earn.points * refundAmount) / Number(order.total)))
      // Delivered again: still one reversal.
      await container.resolve(Modules.EVENT_BUS).emit({ name: "payment.refunded", data: { id: paymentId } })
      await new Promise((r) => setTimeout(r, 500))
      expect((await loyaltyOf(token)).entries.filter((e: any) => e.type === "reverse")).toHaveLength(1)

      // Spend most points, then cancel a second order: its points come back out, only as far as zero.
      const second = await buy(token, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const secondEarn = (await waitFor(async () => (await loyaltyOf(token)).entries.filter((e: any) => e.type === "earn" && e.order_id === second.result.data.order.id)))[0]
      const { available } = await loyaltyOf(token)
      await admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: -(available - 5), reason: "Spent at a partner" })
      expect((await loyaltyOf(token)).available).toBe(5)
      await api.post(`/admin/orders/${second.result.data.order.id}/cancel`, {}, await adminHeaders(api))
      const [cancelReversal] = await waitFor(async () =>
        (await loyaltyOf(token)).entries.filter((e: any) => e.type === "reverse" && e.order_id === second.result.data.order.id)
      )
      expect(cancelReversal.points).toBe(-5)
      expect(cancelReversal.metadata.shortfall).toBe(secondEarn.points - 5)
      expect((await loyaltyOf(token)).available).toBe(0)

      // A negative adjustment beyond the balance is refused.
      const over = await admin.fail(admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: -1, reason: "x" }))
      expect(over.status).toBe(409)
      expect(over.data.message).toContain("Not enough points")
    })

    it("expires lots oldest first, once; tiers follow the points; adjustments are audited", async () => {
      await admin.post("/admin/loyalty/program", {
        earn_rates: { eur: 10 },
        pending_days: 0,
        expiry_months: 12,
        // one €18 mug (VAT included) earns 180: Silver from the first order
        tiers: [{ name: "Silver", threshold: 150, multiplier: 1.5 }],
      })
      const { id, token } = await customerId(0)
      const tiers: any[] = []
      getContainer().resolve(Modules.EVENT_BUS).subscribe("loyalty.tier_changed", async (e: any) => {
        tiers.push(e.data)
      })
      const { result } = await buy(token, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const [earn] = await waitFor(async () => (await loyaltyOf(token)).entries.filter((e: any) => e.type === "earn"))
      expect(earn.points).toBeGreaterThanOrEqual(150)
      await waitFor(async () => tiers)
      expect(tiers[0]).toEqual(expect.objectContaining({ customer_id: id, from: null, to: "Silver" }))
      expect((await loyaltyOf(token)).tier).toBe("Silver")

      // A second order earns with the Silver multiplier.
      const second = await buy(token, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const earns = await waitFor(async () => (await loyaltyOf(token)).entries.filter((e: any) => e.type === "earn" && e.order_id === second.result.data.order.id))
      expect(earns[0].points).toBe(Math.floor(earn.points * 1.5))
      expect(earns[0].metadata.multiplier).toBe(1.5)

      // Spend 50 (from the oldest lot), then a year and a day later both lots expire: what is left of each.
      const adjusted = await admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: -50, reason: "Goodwill correction" })
      expect(adjusted.status).toBe(201)
      const { data: seen } = await admin.get(`/admin/customers/${id}/loyalty`)
      const adminUser = (await api.get("/admin/users/me", await adminHeaders(api))).data.user
      expect(seen.loyalty.entries[0]).toEqual(expect.objectContaining({ type: "adjust", points: -50, metadata: { reason: "Goodwill correction", adjusted_by: adminUser.id } }))
      const later = addDays(new Date(), 367)
      const container = getContainer()
      const expireLots = async (now: Date) => (await expireLoyaltyLotsWorkflow(container).run({ input: { now } })).result
      const runs = await Promise.all([expireLots(later), expireLots(later)])
      expect(runs.flat()).toHaveLength(2)
      expect(await expireLots(later)).toEqual([])
      const entries = (await loyaltyOf(token)).entries
      const expiries = entries.filter((e: any) => e.type === "expire")
      expect(expiries.map((e: any) => [e.reference, e.points]).sort()).toEqual(
        [[earn.id, -(earn.points - 50)], [earns[0].id, -earns[0].points]].sort()
      )
      const service = container.resolve("omnichannel_loyalty")
      expect((await service.balance(seen.loyalty.account_id, later)).available).toBe(0)
      expect(result.status).toBe(200)
    })

    it("validates the program and adjustments: 400 naming the field, 404 for an unknown customer, 401 for non-admins", async () => {
      for (const [body, field] of [
        [{ max_redeem_share: 2 }, "max_redeem_share"],
        [{ earn_rates: { EUR: 1 } }, "lower-case"],
        [{ tiers: [{ name: "A", threshold: 1, multiplier: 1 }, { name: "A", threshold: 2, multiplier: 2 }] }, "unique"],
        [{ tier_basis: "visits" }, "tier_basis"],
        // Bounds that fit the columns (points are Postgres integers) and their meaning.
        [{ min_redeem_points: 2 ** 31 }, "min_redeem_points"],
        [{ earn_rates: { eur: 1e308 } }, "earn_rates"],
        [{ point_values: { eur: 1e308 } }, "point_values"],
        [{ tiers: [{ name: "A", threshold: 1e308, multiplier: 1 }] }, "tiers.0.threshold"],
      ] as const) {
        const res = await admin.fail(admin.post("/admin/loyalty/program", body))
        expect([field, res.status]).toEqual([field, 400])
        expect(res.data.message).toContain(field)
      }
      const { id, token } = await customerId(1)
      expect((await admin.fail(admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 0, reason: "x" }))).status).toBe(400)
      expect((await admin.fail(admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 5 }))).status).toBe(400)
      for (const points of [2 ** 31, -(2 ** 31), 1_000_001, 1.5]) {
        const res = await admin.fail(admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points, reason: "edge" }))
        expect([points, res.status, res.data.errors?.[0]?.path]).toEqual([points, 400, "points"])
      }
      // The largest adjustment is taken.
      expect((await admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 1_000_000, reason: "edge" })).status).toBe(201)
      // An Idempotency-Key adds one entry however often it is sent; reused for another adjustment, a 409.
      const { headers } = await adminHeaders(api)
      const keyed = (body: any) =>
        api
          .post(`/admin/customers/${id}/loyalty/adjustments`, body, { headers: { ...headers, "Idempotency-Key": `fix-${id}` } })
          .catch((e: any) => e.response)
      const first = await keyed({ points: 25, reason: "Goodwill" })
      const again = await keyed({ points: 25, reason: "Goodwill" })
      expect([first.status, again.status, again.data.entry.id]).toEqual([201, 201, first.data.entry.id])
      const other = await keyed({ points: 250, reason: "Goodwill" })
      expect(other.status).toBe(409)
      expect(other.data.message).toContain("already used")
      const { data: ledger } = await admin.get(`/admin/customers/${id}/loyalty?limit=100`)
      expect(ledger.loyalty.entries.filter((e: any) => e.metadata?.reason === "Goodwill")).toHaveLength(1)
      expect((await admin.fail(admin.post(`/admin/customers/cus_nope/loyalty/adjustments`, { points: 5, reason: "x" }))).status).toBe(404)
      const asCustomer = bearerClient(api, token)
      expect((await asCustomer.fail(asCustomer.get(`/admin/customers/${id}/loyalty`))).status).toBe(401)
      expect((await asCustomer.fail(asCustomer.post("/admin/loyalty/program", { enabled: false }))).status).toBe(401)
      const { data } = await admin.get("/admin/loyalty/program")
      expect(data.program).toEqual(expect.objectContaining({ enabled: true, earn_rates: { eur: 1 } }))
    })

    it("leaves no debit behind when the checkout is rolled back after the points were taken", async () => {
      await admin.post("/admin/loyalty/program", { point_values: { eur: 0.01 }, min_redeem_points: 100, max_redeem_share: 1, pending_days: 30 })
      const { id, token } = await customerId(0)
      await admin.post(`/admin/customers/${id}/loyalty/adjustments`, { points: 500, reason: "Test balance" })
      const before = (await loyaltyOf(token)).available
      const shop = storeClient(api, seed, "Web store", token)
      const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const { data: options } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, {
        option_id: options.shipping_options.find((o: any) => o.name === "Standard delivery").id,
      })
      await shop.post(`/store/carts/${cart.id}/loyalty`, { points: 300 })

      // A step after the debit fails: the workflow engine compensates every step.
      failAfterDebit.add(cart.id)
      const failed = await completeCart(shop, cart.id)
      expect(failed.status).toBe(409)
      const service = getContainer().resolve("omnichannel_loyalty")
      const entries = await service.listLoyaltyEntries({ reference: cart.id, type: "redeem" })
      expect(entries.map((e: any) => e.points)).toEqual([-300])
      const after = await loyaltyOf(token)
      expect(after.available).toBe(before)
      // Append-only: the debit is still there, undone by its opposite.
      const voids = after.entries.filter((e: any) => e.reference === entries[0].id)
      expect(voids.map((e: any) => [e.type, e.points, e.metadata.void])).toEqual([["reverse", 300, true]])

      // Completed again, it debits once for its order.
      failAfterDebit.delete(cart.id)
      const ok = await completeCart(shop, cart.id)
      expect(ok.data.type).toBe("order")
      const [redeem] = await service.listLoyaltyEntries({ order_id: ok.data.order.id, type: "redeem" })
      expect(redeem.points).toBe(-300)
      expect((await loyaltyOf(token)).available).toBe(before - 300)
    })
  },
})
