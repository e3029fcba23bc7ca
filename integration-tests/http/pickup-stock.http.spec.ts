import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, waitFor } from "../helpers/desk"
import { createCart, loginCustomer, settle, storeClient, variantIdsBySku, type StoreClient } from "../helpers/store"
import { coreReservationLocation, expectExactStock, failingAfterCompletion, levelsOf, stockOnlyAt } from "../helpers/stock"

jest.setTimeout(300000)

/**
 * Pickup stock when an item is stocked at several stores of the channel, by
 * whichever route the storefront chooses pickup (the plugin's, or Medusa's
 * own shipping-methods route as Medusa's official storefront does), under
 * concurrency, with bad options, retries and rollbacks. After every test the
 * stock is exact: each level's reserved quantity = its live reservations.
 */

/** Carts whose checkout must fail late (the workflow then undoes everything). */
const failAfterCompletion = failingAfterCompletion()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: ReturnType<typeof bearerClient>
    let names: Record<string, string>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), [
        "TEE-NAV-L",
        "TEE-ECR-L",
        "BEANIE-RUST",
        "SOCKS-40-43",
        "YOGA-4MM",
        "TOTE-SAND",
        "MUG-CELADON",
        "BOTTLE-SAGE",
      ])
      const locations = await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({})
      names = Object.fromEntries(locations.map((l: any) => [l.id, l.name]))
    })
    beforeEach(async () => {
      const { headers } = await adminHeaders(api)
      admin = bearerClient(api, headers.authorization.replace("Bearer ", ""))
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    const web = () => seed.sales_channels["Web store"]

    /** Two pickup stores that both stock `sku`: `core` is where Medusa alone would reserve it, `other` is not. */
    const twoStores = async (sku: string, quantities: (core: string, other: string) => Record<string, number>) => {
      const a = seed.locations["croix-rousse"] // both keep no safety stock
      const b = seed.locations["vaise"]
      const itemId = await stockOnlyAt(getContainer(), sku, quantities(a, b))
      const core = await coreReservationLocation(getContainer(), variants[sku], web())
      const other = core === a ? b : a
      if (core !== a) await stockOnlyAt(getContainer(), sku, quantities(core, other))
      expect(await coreReservationLocation(getContainer(), variants[sku], web())).toBe(core)
      return { itemId, core, other }
    }

    /** The store's "Pick up at …" option as Medusa's storefront finds it: GET /store/shipping-options, type pickup. */
    const corePickupOption = async (shop: StoreClient, cartId: string, locationId: string) => {
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cartId}`)
      return data.shipping_options.find(
        (o: any) => o.service_zone?.fulfillment_set?.type === "pickup" && o.name === `Pick up at ${names[locationId]}`
      )
    }

    const pay = async (shop: StoreClient, cartId: string) => {
      const { data: pc } = await shop.post("/store/payment-collections", { cart_id: cartId })
      await shop.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
        provider_id: "pp_system_default",
      })
    }
    const complete = (shop: StoreClient, cartId: string) => shop.fail(shop.post(`/store/carts/${cartId}/complete`))

    /** A paid cart whose pickup at `locationId` was chosen through `route`. */
    const pickupCart = async (
      shop: StoreClient,
      sku: string,
      locationId: string,
      route: "core" | "plugin",
      quantity = 1
    ) => {
      const cart = await createCart(shop, seed, [{ variant_id: variants[sku], quantity }])
      if (route === "core") {
        const option = await corePickupOption(shop, cart.id, locationId)
        expect(option).toBeDefined()
        await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      } else {
        await shop.post(`/store/carts/${cart.id}/pickup`, { location_id: locationId })
      }
      await pay(shop, cart.id)
      return cart.id as string
    }

    const reservationsOf = async (inventoryItemId: string) =>
      (await getContainer().resolve(Modules.INVENTORY).listReservationItems({ inventory_item_id: inventoryItemId })).map(
        (r: any) => [r.location_id, Number(r.quantity)]
      )

    describe("Medusa's own route (POST /store/carts/:id/shipping-methods with a store's pickup option)", () => {
      it("leads to the same pickup order: reserved at that store, code, desk queue, notification, history", async () => {
        const container = getContainer()
        const { token } = await loginCustomer(api, 0)
        const shop = storeClient(api, seed, "Web store", token)
        const { itemId, core, other } = await twoStores("TEE-NAV-L", (a, b) => ({ [a]: 5, [b]: 5 }))

        const cartId = await pickupCart(shop, "TEE-NAV-L", other, "core", 2)
        const res = await complete(shop, cartId)
        expect(res.status).toBe(200)
        expect(res.data.type).toBe("order")
        const order = res.data.order
        // The response is Medusa's own: the order with its default fields.
        expect(order).toEqual(expect.objectContaining({ id: expect.any(String), display_id: expect.any(Number), items: expect.any(Array) }))

        expect(await reservationsOf(itemId)).toEqual([[other, 2]])
        expect(await levelsOf(container, itemId)).toEqual(
          expect.objectContaining({ [core]: { stocked: 5, reserved: 0 }, [other]: { stocked: 5, reserved: 2 } })
        )

        const { data: mine } = await shop.get("/store/customers/me/pickups")
        const pickup = mine.pickups.find((p: any) => p.order.id === order.id)
        expect(pickup).toEqual(expect.objectContaining({ status: "placed", store: expect.objectContaining({ id: other }) }))
        expect(pickup.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/)

        const { data: queue } = await admin.get(`/admin/pickups?location_id=${other}`)
        expect(queue.pickups.map((p: any) => p.id)).toContain(pickup.id)

        const { data: history } = await shop.get("/store/customers/me/history")
        expect(history.orders.find((o: any) => o.id === order.id)).toEqual(
          expect.objectContaining({ mode: "pickup", store: expect.objectContaining({ id: other }) })
        )

        const placed = await waitFor(async () =>
          (await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: pickup.id })).filter(
            (n: any) => n.trigger_type === "pickup.placed"
          )
        )
        expect(placed).toHaveLength(1)
      })

      it("never completes a store's pickup from another store: 409 naming the item and the store, nothing reserved", async () => {
        const { token } = await loginCustomer(api, 1)
        const shop = storeClient(api, seed, "Web store", token)
        const bellecour = seed.locations["bellecour"]
        const { itemId, core, other } = await twoStores("TEE-ECR-L", (a, b) => ({ [a]: 5, [b]: 5 })) // none at Bellecour
        // Medusa's route refuses the store at once: it holds none.
        const first = await createCart(shop, seed, [{ variant_id: variants["TEE-ECR-L"], quantity: 1 }])
        const option = await corePickupOption(shop, first.id, bellecour)
        const refused = await shop.fail(shop.post(`/store/carts/${first.id}/shipping-methods`, { option_id: option.id }))
        expect(refused.status).toBe(409)
        expect(refused.data.message).toContain("Not enough stock at Lyon Bellecour for TEE-ECR-L: requested 1, available 0")
        // A store that sells out after it was chosen is refused at completion.
        await stockOnlyAt(getContainer(), "TEE-ECR-L", { [core]: 5, [other]: 5, [bellecour]: 20 })
        const cartId = await pickupCart(shop, "TEE-ECR-L", bellecour, "core")
        await stockOnlyAt(getContainer(), "TEE-ECR-L", { [core]: 5, [other]: 5 })
        const res = await complete(shop, cartId)
        expect(res.status).toBe(409)
        expect(res.data.message).toContain("Not enough stock at Lyon Bellecour")
        expect(res.data.message).toContain("TEE-ECR-L: requested 1, available 0")
        expect(await reservationsOf(itemId)).toEqual([])
        const { data } = await shop.get(`/store/carts/${cartId}`)
        expect(data.cart.completed_at).toBeNull()
      })
    })

    describe("concurrency with the item stocked at several stores", () => {
      it("10 checkouts at once for the last 4 units at B while A stocks it too: 4 orders, 6 × 409 naming B, A untouched", async () => {
        const container = getContainer()
        const shop = storeClient(api, seed)
        const { itemId, core: a, other: b } = await twoStores("BEANIE-RUST", (a, b) => ({ [a]: 6, [b]: 4 }))
        const before = (await shop.get(`/store/pickup-stores?variant_ids[]=${variants["BEANIE-RUST"]}&limit=50`)).data.stores
        const availableAt = (stores: any[], id: string) => stores.find((s: any) => s.id === id).availability.items[0].available
        expect(availableAt(before, a)).toBe(6)

        // Half chose B with the plugin's route, half with Medusa's.
        const carts: string[] = []
        for (let i = 0; i < 10; i++) carts.push(await pickupCart(shop, "BEANIE-RUST", b, i % 2 ? "core" : "plugin"))
        const results = await Promise.all(carts.map((id) => complete(shop, id)))

        const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
        const conflicts = results.filter((r) => r.status === 409)
        expect({ orders: orders.length, conflicts: conflicts.length }).toEqual({ orders: 4, conflicts: 6 })
        for (const c of conflicts) expect(c.data.message).toContain(`Not enough stock at ${names[b]}`)

        expect(await reservationsOf(itemId)).toEqual(Array(4).fill([b, 1]))
        const levels = await levelsOf(container, itemId)
        expect(levels[a]).toEqual({ stocked: 6, reserved: 0 })
        expect(levels[b]).toEqual({ stocked: 4, reserved: 4 })
        const after = (await shop.get(`/store/pickup-stores?variant_ids[]=${variants["BEANIE-RUST"]}&limit=50`)).data.stores
        expect(availableAt(after, a)).toBe(6)
        expect(availableAt(after, b)).toBe(0)
        expect(await container.resolve("pickup").listPickupOrders({ location_id: b })).toHaveLength(4)
      })

      it("pickups at A and at B for the same item at the same moment: each store sells exactly what it had", async () => {
        const shop = storeClient(api, seed)
        const { itemId, core: a, other: b } = await twoStores("SOCKS-40-43", (a, b) => ({ [a]: 3, [b]: 2 }))
        const carts: { id: string; at: string }[] = []
        for (let i = 0; i < 6; i++) {
          carts.push({ id: await pickupCart(shop, "SOCKS-40-43", a, i % 2 ? "core" : "plugin"), at: a })
          carts.push({ id: await pickupCart(shop, "SOCKS-40-43", b, i % 2 ? "plugin" : "core"), at: b })
        }
        const results = await Promise.all(carts.map((c) => complete(shop, c.id)))
        const won = (loc: string) =>
          results.filter((r, i) => carts[i].at === loc && r.status === 200 && r.data.type === "order").length
        expect({ a: won(a), b: won(b) }).toEqual({ a: 3, b: 2 })
        expect(results.filter((r) => r.status === 409)).toHaveLength(7)
        const levels = await levelsOf(getContainer(), itemId)
        expect(levels[a]).toEqual({ stocked: 3, reserved: 3 })
        expect(levels[b]).toEqual({ stocked: 2, reserved: 2 })
        expect((await reservationsOf(itemId)).filter(([loc]) => loc !== a && loc !== b)).toEqual([])
      })
    })

    describe("bad options, retries and rollbacks", () => {
      it("a full slot is a 409 at completion, and the cart keeps nothing reserved", async () => {
        const bellecour = seed.locations["bellecour"]
        await admin.post(`/admin/pickup-stores/${bellecour}`, { slot_capacity: 1 })
        const itemId = await stockOnlyAt(getContainer(), "YOGA-4MM", { [bellecour]: 10 })
        const shop = storeClient(api, seed)
        const day = new Date(Date.now() + 3 * 86400_000)
        while (day.getUTCDay() === 0) day.setUTCDate(day.getUTCDate() + 1)
        const slots = (await shop.get(`/store/pickup-stores/${bellecour}/slots?date=${day.toISOString().slice(0, 10)}`)).data.slots
        const slot = slots[3].start
        const carts = []
        for (let i = 0; i < 2; i++) {
          const cart = await createCart(shop, seed, [{ variant_id: variants["YOGA-4MM"], quantity: 1 }])
          await shop.post(`/store/carts/${cart.id}/pickup`, { location_id: bellecour, slot_start: slot })
          await pay(shop, cart.id)
          carts.push(cart.id)
        }
        expect((await complete(shop, carts[0])).data.type).toBe("order")
        const full = await complete(shop, carts[1])
        expect(full.status).toBe(409)
        expect(full.data.message).toMatch(/slot .* is full/)
        expect(await reservationsOf(itemId)).toEqual([[bellecour, 1]])
        await admin.post(`/admin/pickup-stores/${bellecour}`, { slot_capacity: 6 })
      })

      it("a store whose pickup was turned off: its option is refused by Medusa's route, and at completion (400 with the reason)", async () => {
        const vaise = seed.locations["vaise"]
        const itemId = await stockOnlyAt(getContainer(), "TOTE-SAND", { [vaise]: 5 })
        const shop = storeClient(api, seed)
        const chosenBefore = await pickupCart(shop, "TOTE-SAND", vaise, "core")
        const other = await createCart(shop, seed, [{ variant_id: variants["TOTE-SAND"], quantity: 1 }])
        const option = await corePickupOption(shop, other.id, vaise)

        await admin.post(`/admin/pickup-stores/${vaise}`, { enabled: false })
        try {
          expect(await corePickupOption(shop, other.id, vaise)).toBeUndefined()
          const refused = await shop.fail(shop.post(`/store/carts/${other.id}/shipping-methods`, { option_id: option.id }))
          expect(refused.status).toBe(400)

          const res = await complete(shop, chosenBefore)
          expect(res.status).toBe(400)
          expect(res.data.message).toBe("Pickup is not offered at Lyon Vaise")
          expect(await reservationsOf(itemId)).toEqual([])
        } finally {
          await admin.post(`/admin/pickup-stores/${vaise}`, { enabled: true })
        }
        expect(await corePickupOption(shop, other.id, vaise)).toBeDefined()
        expect((await complete(shop, chosenBefore)).data.type).toBe("order")
        expect(await reservationsOf(itemId)).toEqual([[vaise, 1]])
      })

      it("a pickup option of another region is refused; a store removed after its option was set is a 409 at completion", async () => {
        const container = getContainer()
        const shop = storeClient(api, seed)
        const newStore = async (name: string, country: string, lat: number, lng: number) => {
          const { data } = await admin.post("/admin/stock-locations", {
            name,
            address: { address_1: "1 Test Street", city: name, country_code: country },
          })
          const id = data.stock_location.id as string
          await admin.post(`/admin/stock-locations/${id}/sales-channels`, { add: [web()] })
          await admin.post(`/admin/pickup-stores/${id}`, {
            enabled: true,
            latitude: lat,
            longitude: lng,
            timezone: "Europe/Paris",
            hours: { mon: [["09:00", "19:00"]], tue: [["09:00", "19:00"]], wed: [["09:00", "19:00"]], thu: [["09:00", "19:00"]], fri: [["09:00", "19:00"]], sat: [["09:00", "19:00"]] },
          })
          names[id] = name
          return id
        }
        // Berlin: a German store of the same channel; the cart is in the France region.
        await admin.post("/admin/regions", { name: "Germany", currency_code: "eur", countries: ["de"] })
        const berlin = await newStore("Berlin Mitte", "de", 52.52, 13.405)
        const itemId = await stockOnlyAt(container, "MUG-CELADON", { [berlin]: 5 })
        const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-CELADON"], quantity: 1 }])
        const { data: berlinOptions } = await admin.get(`/admin/shipping-options?q=Berlin`)
        const berlinOption = berlinOptions.shipping_options.find((o: any) => o.name === "Pick up at Berlin Mitte")
        expect(berlinOption).toBeDefined()
        const refused = await shop.fail(shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: berlinOption.id }))
        expect(refused.status).toBe(400)
        expect(await reservationsOf(itemId)).toEqual([])

        // A Lyon store that closes for good after the shopper chose it.
        const closing = await newStore("Lyon Saxe", "fr", 45.75, 4.85)
        const saxeItem = await stockOnlyAt(container, "BOTTLE-SAGE", { [closing]: 5, [seed.locations["warehouse"]]: 50 })
        const chosen = await pickupCart(shop, "BOTTLE-SAGE", closing, "core")
        await admin.delete(`/admin/stock-locations/${closing}`)
        const res = await complete(shop, chosen)
        expect(res.status).toBe(409)
        expect(res.data.message).toBe("The pickup store chosen for this cart no longer exists: choose another store or delivery")
        expect(await reservationsOf(saxeItem)).toEqual([])
        const { data } = await shop.get(`/store/carts/${chosen}`)
        expect(data.cart.completed_at).toBeNull()
      })

      it("a completion retried, or resumed after a crash past core's order creation, reserves once at the store", async () => {
        const container = getContainer()
        const shop = storeClient(api, seed)
        const { itemId, core, other } = await twoStores("TEE-NAV-L", (a, b) => ({ [a]: 8, [b]: 8 }))
        const pickups = container.resolve("pickup")

        // The same request twice: one order, one reservation, one pickup.
        const cartId = await pickupCart(shop, "TEE-NAV-L", other, "core")
        const first = await complete(shop, cartId)
        const again = await complete(shop, cartId)
        expect(again.data.order.id).toBe(first.data.order.id)
        expect(await reservationsOf(itemId)).toEqual([[other, 1]])
        expect(await pickups.listPickupOrders({ cart_id: cartId })).toHaveLength(1)

        // A crash right after core completed the cart (its reservation where core
        // puts it, no pickup yet); the shopper's retry finishes the pickup.
        const crashed = await pickupCart(shop, "TEE-NAV-L", other, "core")
        const { result } = await completeCartWorkflow(container).run({ input: { id: crashed } })
        expect(await reservationsOf(itemId)).toEqual(expect.arrayContaining([[core, 1]]))
        const resumed = await complete(shop, crashed)
        expect(resumed.status).toBe(200)
        expect(resumed.data.order.id).toBe(result.id)
        expect(await reservationsOf(itemId)).toEqual([[other, 1], [other, 1]])
        expect(await pickups.listPickupOrders({ cart_id: crashed })).toHaveLength(1)
        await complete(shop, crashed)
        expect(await pickups.listPickupOrders({ cart_id: crashed })).toHaveLength(1)
        expect((await levelsOf(container, itemId))[core]).toEqual({ stocked: 8, reserved: 0 })
      })

      it("a store sold out before its reservation moves there: 409 naming it, Medusa's reservation kept where it was", async () => {
        const container = getContainer()
        const shop = storeClient(api, seed)
        const { itemId, core, other } = await twoStores("TOTE-SAND", (a, b) => ({ [a]: 5, [b]: 1 }))
        // The chosen store's last unit goes, then core completes the cart alone (a crash before the pickup work).
        const cartId = await pickupCart(shop, "TOTE-SAND", other, "core")
        await container.resolve(Modules.INVENTORY).updateInventoryLevels([{ inventory_item_id: itemId, location_id: other, stocked_quantity: 0 }])
        const { result } = await completeCartWorkflow(container).run({ input: { id: cartId } })
        // The safety net on order.placed can't move it either: the pickup's timeline says why, for the merchant.
        const [record] = await waitFor(async () => container.resolve("pickup").listPickupOrders({ order_id: result.id }))
        const [problem] = await waitFor(async () => container.resolve("pickup").listPickupActivities({ pickup_id: record.id, action: "stock_problem" }))
        expect(problem.data.message).toBe(`Not enough stock at ${names[other]} any more`)
        expect(await reservationsOf(itemId)).toEqual([[core, 1]])

        // The retry moves the reservation: the store refuses it, and the one given up meanwhile comes back.
        const res = await complete(shop, cartId)
        expect(res.status).toBe(409)
        expect(res.data.message).toBe(`Not enough stock at ${names[other]} any more`)
        expect(await reservationsOf(itemId)).toEqual([[core, 1]])
        const levels = await levelsOf(container, itemId)
        expect([levels[core], levels[other]]).toEqual([{ stocked: 5, reserved: 1 }, { stocked: 0, reserved: 0 }])
        expect(await container.resolve("pickup").listPickupOrders({ order_id: result.id })).toHaveLength(1)
      })

      it("a failure after the order was created rolls everything back: no order, reservation, pickup or points debit", async () => {
        const container = getContainer()
        const { token } = await loginCustomer(api, 2)
        const shop = storeClient(api, seed, "Web store", token)
        const { data: me } = await shop.get("/store/customers/me")
        await admin.post(`/admin/customers/${me.customer.id}/loyalty/adjustments`, { points: 1000, reason: "Rollback test" })
        const balance = async () => (await shop.get("/store/customers/me/loyalty")).data.loyalty.available
        const startBalance = await balance()
        const { itemId, other } = await twoStores("TEE-ECR-L", (a, b) => ({ [a]: 4, [b]: 4 }))

        const cartId = await pickupCart(shop, "TEE-ECR-L", other, "core", 2)
        await shop.post(`/store/carts/${cartId}/loyalty`, { points: 200 })
        await pay(shop, cartId) // points change the total: Medusa refreshes the payment collection
        failAfterCompletion.add(cartId)
        const res = await complete(shop, cartId)
        expect(res.status).toBe(409)
        expect(res.data.message).toBe("Simulated failure after the order was created")

        expect(await reservationsOf(itemId)).toEqual([])
        expect(await container.resolve("pickup").listPickupOrders({ cart_id: cartId })).toEqual([])
        const { data: links } = await container.resolve("query").graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
        expect(links).toEqual([])
        expect((await shop.get(`/store/carts/${cartId}`)).data.cart.completed_at).toBeNull()
        expect(await balance()).toBe(startBalance)

        // The same cart then completes normally, once.
        failAfterCompletion.delete(cartId)
        const ok = await complete(shop, cartId)
        expect(ok.data.type).toBe("order")
        expect(await reservationsOf(itemId)).toEqual([[other, 2]])
        expect(await balance()).toBe(startBalance - 200)
      })
    })

    it("the admin lists drifted levels and repairs them (logged); the exec script does the same", async () => {
      const container = getContainer()
      const itemId = await stockOnlyAt(container, "MUG-CELADON", { [seed.locations["part-dieu"]]: 10, [seed.locations["bellecour"]]: 10 })
      // Reproduce what a reservation move on Medusa 2.21 leaves behind.
      const inventory = container.resolve(Modules.INVENTORY)
      const r = await inventory.createReservationItems({ inventory_item_id: itemId, location_id: seed.locations["part-dieu"], quantity: 3 })
      await inventory.updateReservationItems({ id: r.id, location_id: seed.locations["bellecour"] })

      const { data: listed } = await admin.get("/admin/stock-drift")
      expect(listed.levels).toEqual([
        expect.objectContaining({
          sku: "MUG-CELADON",
          location_id: seed.locations["part-dieu"],
          location_name: "Lyon Part-Dieu",
          reserved_quantity: 3,
          live_reservations: 0,
          drift: 3,
        }),
      ])
      const shopper = await settle(storeClient(api, seed).get("/admin/stock-drift"))
      expect(shopper.status).toBe(401)
      expect((await admin.fail(admin.post("/admin/stock-drift/repair", { level_ids: "all" }))).status).toBe(400)

      const { data: repaired } = await admin.post("/admin/stock-drift/repair", {})
      expect(repaired.count).toBe(1)
      expect((await admin.get("/admin/stock-drift")).data.count).toBe(0)
      expect((await levelsOf(container, itemId))[seed.locations["part-dieu"]]).toEqual({ stocked: 10, reserved: 0 })

      // The medusa exec script: lists, then repairs.
      const r2 = await inventory.createReservationItems({ inventory_item_id: itemId, location_id: seed.locations["part-dieu"], quantity: 2 })
      await inventory.updateReservationItems({ id: r2.id, location_id: seed.locations["bellecour"] })
      const script = (await import("../../src/scripts/repair-stock-drift")).default
      await script({ container, args: ["--dry-run"] } as any)
      expect((await admin.get("/admin/stock-drift")).data.count).toBe(1)
      await script({ container, args: [] } as any)
      expect((await admin.get("/admin/stock-drift")).data.count).toBe(0)
      await inventory.deleteReservationItems([r.id, r2.id])
    })
  },
})
