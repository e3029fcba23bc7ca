import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import people from "../../data/customers.json"
import { seedDemoData, type SeedResult } from "../../data/seed"
import { omnichannelStore } from "../../src/client"
import { adminHeaders } from "../helpers/admin"
import { expectExactStock } from "../helpers/stock"
import { nextWeekday, variantIdsBySku } from "../helpers/store"

jest.setTimeout(240000)

/**
 * A storefront's whole journey through the typed client (medusa-plugin-
 * omnichannel/client) on Medusa's JS SDK, against the running app: find a
 * store with the cart's availability, its slots, choose pickup with a slot
 * and a collector, pay part with points, complete with the SDK's own cart
 * completion, then the pickup (code, QR), "I'm here", the loyalty account and
 * the history.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK"])
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    const sdkFor = () =>
      new Medusa({
        baseUrl: api.defaults.baseURL,
        publishableKey: seed.publishable_keys["Web store"],
        auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
      })

    it("drives pickup, points, the pickup code, arrival, loyalty and history through the typed client", async () => {
      const admin = await adminHeaders(api)
      await api.post("/admin/loyalty/program", { point_values: { eur: 0.01 }, min_redeem_points: 100, max_redeem_share: 0.5, pending_days: 30 }, admin)
      const shopper = people.customers[2]

      const sdk = sdkFor()
      const omni = omnichannelStore(sdk)
      await sdk.auth.login("customer", "emailpass", { email: shopper.email, password: shopper.password })
      const { customer } = await sdk.store.customer.retrieve()
      await api.post(`/admin/customers/${customer.id}/loyalty/adjustments`, { points: 500, reason: "Welcome gift" }, admin)

      const { cart } = await sdk.store.cart.create({
        region_id: seed.region_id,
        email: shopper.email,
        items: [{ variant_id: variants["MUG-INK"], quantity: 2 }],
      })

      // Stores near Lyon with what they can supply of this cart.
      const list = await omni.pickupStores.list({ lat: 45.7578, lng: 4.832, cart_id: cart.id, limit: 5 })
      expect(list.count).toBeGreaterThan(1)
      const distances = list.stores.map((s) => s.distance_km ?? Infinity)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      const store = list.stores.find((s) => s.availability?.all_available && s.slots)!
      expect(store).toBeDefined()
      expect((await omni.pickupStores.retrieve(store.id)).store.name).toBe(store.name)

      // Its slots on a weekday it opens, then pickup in one of them by someone else.
      let day = ""
      let slot: { start: string } | undefined
      for (let d = 1; d <= 7 && !slot; d++) {
        day = nextWeekday(d, 2)
        slot = (await omni.pickupStores.slots(store.id, { date: day })).slots.find((s) => s.available)
      }
      expect(slot).toBeDefined()
      const chosen = await omni.cart.setPickup(cart.id, {
        location_id: store.id,
        slot_start: slot!.start,
        pickup_person: { name: "Jules Petit", phone: "+33 6 11 22 33 44" },
      })
      expect(chosen.pickup).toEqual(expect.objectContaining({ location_id: store.id, pickup_person: expect.objectContaining({ name: "Jules Petit" }) }))

      // 200 points, twice: the second replaces the first.
      await omni.cart.applyPoints(cart.id, { points: 200 })
      const points = await omni.cart.applyPoints(cart.id, { points: 200 })
      expect(points.loyalty).toEqual(expect.objectContaining({ points: 200, amount: 2 }))

      // Payment and completion are Medusa's own SDK calls.
      const { cart: full } = await sdk.store.cart.retrieve(cart.id)
      await sdk.store.payment.initiatePaymentSession(full, { provider_id: "pp_system_default" })
      const done = await sdk.store.cart.complete(cart.id)
      expect(done.type).toBe("order")
      const order = (done as { type: "order"; order: { id: string } }).order

      const { pickups, count } = await omni.customer.pickups()
      expect(count).toBe(1)
      const pickup = pickups[0]
      expect(pickup).toEqual(
        expect.objectContaining({ status: "placed", order: expect.objectContaining({ id: order.id }), code: expect.stringMatching(/^[A-Z0-9]{6,}$/) })
      )
      expect(pickup.qr).toMatch(/^data:image\/png;base64,/)
      expect((await omni.customer.pickup(pickup.id)).pickup.code).toBe(pickup.code)

      const arrived = await omni.customer.arrived(pickup.id, { note: "blue car, bay 3" })
      expect(arrived.pickup.arrived_at).not.toBeNull()

      const { loyalty } = await omni.customer.loyalty({ order_id: order.id })
      expect(loyalty.member_qr).toMatch(/^data:image\/png;base64,/)
      expect(loyalty.entries.map((e) => [e.type, e.points])).toEqual(expect.arrayContaining([["redeem", -200]]))
      // 500 − 200 redeemed; what the order earns is pending for 30 days.
      expect(loyalty.available).toBe(300)

      const history = await omni.customer.history({ limit: 5 })
      expect(history.orders[0]).toEqual(
        expect.objectContaining({ id: order.id, mode: "pickup", pickup_status: "placed", points_redeemed: 200, store: { id: store.id, name: store.name } })
      )

      // The plugin's 409 reaches the storefront with its message.
      const refused = await omni.cart.applyPoints(cart.id, { points: 100 }).catch((e) => e)
      expect(refused).toEqual(expect.objectContaining({ status: 409, message: `Cart ${cart.id} is already completed` }))
    })

    it("removes a pickup choice and points, and surfaces the API's messages as SDK errors", async () => {
      const sdk = sdkFor()
      const omni = omnichannelStore(sdk)
      const { cart } = await sdk.store.cart.create({ region_id: seed.region_id, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }] })
      const { stores } = await omni.pickupStores.list({ cart_id: cart.id })
      await omni.cart.setPickup(cart.id, { location_id: stores[0].id })
      const removed = await omni.cart.removePickup(cart.id)
      expect(removed).toEqual(expect.objectContaining({ pickup: null, deleted: true }))

      const bad = await omni.pickupStores.slots(stores[0].id, { date: "2026-02-30" }).catch((e) => e)
      expect(bad).toEqual(expect.objectContaining({ status: 400, message: expect.stringContaining("date") }))
      // Points need a logged-in customer.
      const anonymous = await omni.cart.applyPoints(cart.id, { points: 100 }).catch((e) => e)
      expect(anonymous.status).toBe(401)
    })
  },
})
