import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff, notificationsOf, waitFor } from "../helpers/desk"
import { createCart, loginCustomer, settle, storeClient, variantIdsBySku, type StoreClient } from "../helpers/store"
import { coreReservationLocation, expectExactStock, failingAfterCompletion, levelsOf, stockOnlyAt } from "../helpers/stock"

jest.setTimeout(300000)

/** Carts whose checkout must fail late (the workflow then undoes everything). */
const failAfterCompletion = failingAfterCompletion()

/**
 * Delivery routing (SPEC "Fulfilment from stores"): the merchant's rules
 * decide which locations ship a delivery order, whatever Medusa core would
 * have reserved; the settings API refuses what doesn't exist; concurrent
 * shoppers never get more than the locations hold. After every test each
 * level's reserved quantity = its live reservations.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let admin: ReturnType<typeof bearerClient>
    let L: Record<string, string>

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "TOTE-SAND", "BEANIE-RUST", "SOCKS-40-43", "YOGA-4MM"])
      L = seed.locations
    })
    beforeEach(async () => {
      const { headers } = await adminHeaders(api)
      admin = bearerClient(api, headers.authorization.replace("Bearer ", ""))
      // Each test sets what it needs; none is left from the one before.
      await admin.post("/admin/fulfillment-routing", {
        default: null,
        channels: Object.values(seed.sales_channels).map((id) => ({ sales_channel_id: id, policy: null })),
        locations: Object.values(L).map((location_id) => ({ location_id, ships: null, safety_stock: 0, latitude: null, longitude: null })),
      })
    })
    afterEach(async () => {
      await expectExactStock(getContainer())
    })

    const web = () => seed.sales_channels["Web store"]

    const pay = async (shop: StoreClient, cartId: string) => {
      const { data: pc } = await shop.post("/store/payment-collections", { cart_id: cartId })
      await shop.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
    }
    /** A paid delivery cart (Medusa's own routes only, as any storefront does it). */
    const deliveryCart = async (
      shop: StoreClient,
      lines: { sku: string; quantity: number }[],
      address?: { metadata?: Record<string, unknown>; postal_code?: string }
    ) => {
      const cart = await createCart(shop, seed, lines.map((l) => ({ variant_id: variants[l.sku], quantity: l.quantity })))
      if (address) {
        await shop.post(`/store/carts/${cart.id}`, {
          shipping_address: { first_name: "Camille", last_name: "Martin", address_1: "1 Rue", city: "Lyon", postal_code: "69100", country_code: "fr", ...address },
        })
      }
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      const option = data.shipping_options.find((o: any) => o.name === "Standard delivery")
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      await pay(shop, cart.id)
      return cart.id as string
    }
    const complete = (shop: StoreClient, cartId: string) => shop.fail(shop.post(`/store/carts/${cartId}/complete`))
    const reservedAt = async (orderId: string) => {
      const query = getContainer().resolve("query")
      const { data: [order] } = await query.graph({ entity: "order", fields: ["items.id", "items.variant_sku"], filters: { id: orderId } })
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const rows = await inventory.listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      const sku = new Map(order.items.map((i: any) => [i.id, i.variant_sku]))
      return rows.map((r: any) => ({ sku: sku.get(r.line_item_id), location_id: r.location_id, quantity: Number(r.quantity) }))
    }

    describe("settings", () => {
      it("lists every location as store or warehouse, warehouses shipping by default, and saves the merchant's rules", async () => {
        const { data } = await admin.get("/admin/fulfillment-routing")
        expect(data.routing.rules).toEqual(["fewest_locations", "nearest", "priority", "most_stock"])
        expect(data.routing.default).toBeNull()
        const byId = new Map(data.routing.locations.map((l: any) => [l.location_id, l]))
        expect(byId.get(L.warehouse)).toMatchObject({ kind: "warehouse", ships: true, ships_setting: null, safety_stock: 0 })
        expect(byId.get(L.bellecour)).toMatchObject({ kind: "store", ships: false, latitude: 45.7578, longitude: 4.832 })

        const saved = await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["fewest_locations", "priority"], priority: [L.bellecour, L.warehouse] },
          channels: [{ sales_channel_id: seed.sales_channels["Mobile app"], policy: { rules: ["nearest"], enabled: false } }],
          locations: [{ location_id: L.bellecour, ships: true, safety_stock: 2 }],
        })
        expect(saved.data.routing.default).toEqual({ enabled: true, rules: ["fewest_locations", "priority"], priority: [L.bellecour, L.warehouse] })
        expect(saved.data.routing.channels.find((c: any) => c.sales_channel_id === seed.sales_channels["Mobile app"]).policy).toEqual({
          enabled: false,
          rules: ["nearest"],
          priority: [],
        })
        const bellecour = saved.data.routing.locations.find((l: any) => l.location_id === L.bellecour)
        expect(bellecour).toMatchObject({ kind: "store", ships: true, ships_setting: true, safety_stock: 2 })
        // Left out: stays.
        const again = await admin.post("/admin/fulfillment-routing", { locations: [{ location_id: L.bellecour, safety_stock: 3 }] })
        expect(again.data.routing.default.rules).toEqual(["fewest_locations", "priority"])
        expect(again.data.routing.locations.find((l: any) => l.location_id === L.bellecour)).toMatchObject({ ships: true, safety_stock: 3 })
      })

      it("refuses unknown locations and channels, unknown rules and negative safety stock, naming the field, and saves nothing", async () => {
        const before = (await admin.get("/admin/fulfillment-routing")).data.routing
        const cases: [unknown, string][] = [
          [{ default: { rules: ["fewest_locations"], priority: [L.warehouse, "sloc_nope"] } }, "default.priority.1"],
          [{ default: { rules: ["cheapest"] } }, "default.rules.0"],
          [{ default: { rules: [] } }, "default.rules"],
          [{ default: { rules: ["nearest", "nearest"] } }, "default.rules"],
          [{ locations: [{ location_id: L.bellecour, safety_stock: -1 }] }, "locations.0.safety_stock"],
          [{ locations: [{ location_id: "sloc_nope", ships: true }] }, "locations.0.location_id"],
          [{ channels: [{ sales_channel_id: "sc_nope", policy: { rules: ["priority"] } }] }, "channels.0.sales_channel_id"],
          [{ locations: [{ location_id: L.bellecour, latitude: 45 }] }, "locations.0.longitude"],
          [{ default: { rules: ["priority"] }, color: "red" }, "color"],
        ]
        for (const [body, field] of cases) {
          const res = await admin.fail(admin.post("/admin/fulfillment-routing", body))
          expect({ field, status: res.status }).toEqual({ field, status: 400 })
          expect(res.data.message).toContain(field)
        }
        // A valid part beside an invalid one is not saved either.
        const mixed = await admin.fail(
          admin.post("/admin/fulfillment-routing", {
            default: { rules: ["priority"] },
            locations: [{ location_id: "sloc_nope", ships: true }],
          })
        )
        expect(mixed.status).toBe(400)
        expect((await admin.get("/admin/fulfillment-routing")).data.routing).toEqual(before)
      })

      it("is for admins only", async () => {
        const anonymous = await settle(api.get("/admin/fulfillment-routing"))
        expect(anonymous.status).toBe(401)
        const { token } = await loginCustomer(api)
        const customer = await settle(api.post("/admin/fulfillment-routing", { default: null }, { headers: { authorization: `Bearer ${token}` } }))
        expect(customer.status).toBe(401)
        const order = await settle(api.get("/admin/orders/order_nope/allocation"))
        expect(order.status).toBe(401)
        expect((await admin.fail(admin.get("/admin/orders/order_nope/allocation"))).status).toBe(404)
      })
    })

    describe("checkout", () => {
      it("reserves a delivery where the merchant's ranking says, not where Medusa would, and shows the allocation", async () => {
        // Three locations of the web channel hold the mug; the one Medusa would take is ranked last.
        const itemId = await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 5, [L.bellecour]: 5, [L.vaise]: 5 })
        const core = await coreReservationLocation(getContainer(), variants["MUG-INK"], web(), 2)
        const ranked = [L.warehouse, L.bellecour, L.vaise].filter((l) => l !== core)
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [...ranked, core] },
          locations: [L.bellecour, L.vaise].map((location_id) => ({ location_id, ships: true })),
        })
        const shop = storeClient(api, seed)
        const res = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 2 }]))
        expect(res.data.message ?? "").toBe("")
        expect(res.status).toBe(200)
        const orderId = res.data.order.id
        expect(await reservedAt(orderId)).toEqual([{ sku: "MUG-INK", location_id: ranked[0], quantity: 2 }])
        const levels = await levelsOf(getContainer(), itemId)
        expect(levels[ranked[0]].reserved).toBe(2)
        expect(levels[core].reserved).toBe(0)

        const { data } = await admin.get(`/admin/orders/${orderId}/allocation`)
        expect(data.locations).toEqual([
          {
            location_id: ranked[0],
            name: expect.any(String),
            lines: [{ line_item_id: expect.any(String), title: expect.any(String), sku: "MUG-INK", quantity: 2, status: "allocated" }],
          },
        ])
      })

      it("routes the next checkout by the settings just saved, and by a location created in Medusa since (settings are cached)", async () => {
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 5, [L.bellecour]: 5 })
        const routeOne = async () => {
          const shop = storeClient(api, seed)
          const res = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }]))
          expect(res.status).toBe(200)
          return (await reservedAt(res.data.order.id))[0].location_id
        }
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [L.bellecour, L.warehouse] },
          locations: [{ location_id: L.bellecour, ships: true }],
        })
        expect(await routeOne()).toBe(L.bellecour)
        await admin.post("/admin/fulfillment-routing", { locations: [{ location_id: L.bellecour, ships: false }] })
        expect(await routeOne()).toBe(L.warehouse)
        // Shipping again, but keeping all 4 it has left for the counter.
        await admin.post("/admin/fulfillment-routing", { locations: [{ location_id: L.bellecour, ships: true, safety_stock: 4 }] })
        expect(await routeOne()).toBe(L.warehouse)
        await admin.post("/admin/fulfillment-routing", { default: { rules: ["priority"], priority: [L.warehouse, L.bellecour] } })
        expect(await routeOne()).toBe(L.warehouse)

        // A warehouse opened in Medusa's admin (no plugin write), ranked nowhere: it ships by default once it has the stock alone.
        const { data: created } = await admin.post("/admin/stock-locations", { name: "Vénissieux Depot", address: { address_1: "1 Rue", city: "Vénissieux", country_code: "fr" } })
        const depot = created.stock_location.id
        await admin.post(`/admin/stock-locations/${depot}/sales-channels`, { add: [web()] })
        await stockOnlyAt(getContainer(), "MUG-INK", { [depot]: 2 })
        expect(await routeOne()).toBe(depot)
        await stockOnlyAt(getContainer(), "MUG-INK", {})
      })

      it("ships from one location when one has every line (fewest_locations), else each line where it is", async () => {
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 3, [L.bellecour]: 3 })
        await stockOnlyAt(getContainer(), "TOTE-SAND", { [L.bellecour]: 3 })
        await stockOnlyAt(getContainer(), "BEANIE-RUST", { [L.warehouse]: 3 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["fewest_locations", "priority"], priority: [L.warehouse, L.bellecour] },
          locations: [{ location_id: L.bellecour, ships: true }],
        })
        const shop = storeClient(api, seed)
        // Mug + tote: Bellecour has both (the warehouse, ranked first, only the mug).
        const one = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }, { sku: "TOTE-SAND", quantity: 1 }]))
        expect(one.status).toBe(200)
        expect(await reservedAt(one.data.order.id)).toEqual(
          expect.arrayContaining([
            { sku: "MUG-INK", location_id: L.bellecour, quantity: 1 },
            { sku: "TOTE-SAND", location_id: L.bellecour, quantity: 1 },
          ])
        )
        // Tote + beanie: no location has both, each line from where it is (Medusa core fails such carts: medusajs/medusa#15132).
        const two = await complete(shop, await deliveryCart(shop, [{ sku: "TOTE-SAND", quantity: 1 }, { sku: "BEANIE-RUST", quantity: 2 }]))
        expect(two.status).toBe(200)
        expect(await reservedAt(two.data.order.id)).toEqual(
          expect.arrayContaining([
            { sku: "TOTE-SAND", location_id: L.bellecour, quantity: 1 },
            { sku: "BEANIE-RUST", location_id: L.warehouse, quantity: 2 },
          ])
        )
        const { data } = await admin.get(`/admin/orders/${two.data.order.id}/allocation`)
        expect(data.locations.map((l: any) => l.location_id).sort()).toEqual([L.bellecour, L.warehouse].sort())
      })

      it("ships from the location nearest the address (the storefront's coordinates, else its postal code), and keeps each location's shipping safety stock", async () => {
        // Villeurbanne's store (45.77, 4.89) and the warehouse (Saint-Priest, set here) both hold the mug.
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 5, [L["gratte-ciel"]]: 2 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["nearest", "priority"], priority: [L.warehouse] },
          locations: [
            { location_id: L["gratte-ciel"], ships: true, safety_stock: 1 },
            { location_id: L.warehouse, latitude: 45.6967, longitude: 4.9447 },
          ],
        })
        const shop = storeClient(api, seed)
        const near = { latitude: 45.7725, longitude: 4.8885 } // beside Gratte-Ciel
        const first = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }], { metadata: near }))
        expect(await reservedAt(first.data.order.id)).toEqual([{ sku: "MUG-INK", location_id: L["gratte-ciel"], quantity: 1 }])
        // Gratte-Ciel has 1 left, its safety stock: the next one ships from the warehouse.
        const second = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }], { metadata: near }))
        expect(await reservedAt(second.data.order.id)).toEqual([{ sku: "MUG-INK", location_id: L.warehouse, quantity: 1 }])
        // Without coordinates the postal code places the address (the offline French geocoder):
        // 69002, Lyon's centre, is nearer Gratte-Ciel than Saint-Priest.
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 5, [L["gratte-ciel"]]: 5 })
        const third = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }], { postal_code: "69002" }))
        expect(await reservedAt(third.data.order.id)).toEqual([{ sku: "MUG-INK", location_id: L["gratte-ciel"], quantity: 1 }])
        // 69800 is Saint-Priest itself.
        const fourth = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }], { postal_code: "69800" }))
        expect(await reservedAt(fourth.data.order.id)).toEqual([{ sku: "MUG-INK", location_id: L.warehouse, quantity: 1 }])
        // A postal code it doesn't know: nearest is skipped, the ranking decides (the warehouse).
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 5, [L["gratte-ciel"]]: 5 })
        const fifth = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }], { postal_code: "99999" }))
        expect(await reservedAt(fifth.data.order.id)).toEqual([{ sku: "MUG-INK", location_id: L.warehouse, quantity: 1 }])
      })

      it("ships from the location with the most stock of the order's items (most_stock)", async () => {
        // Vaise holds more of both than the warehouse; Bellecour more mugs but no totes.
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 2, [L.vaise]: 6, [L.bellecour]: 9 })
        await stockOnlyAt(getContainer(), "TOTE-SAND", { [L.warehouse]: 2, [L.vaise]: 6 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["most_stock", "priority"], priority: [L.warehouse, L.bellecour, L.vaise] },
          locations: [L.bellecour, L.vaise].map((location_id) => ({ location_id, ships: true })),
        })
        const shop = storeClient(api, seed)
        const res = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 2 }, { sku: "TOTE-SAND", quantity: 2 }]))
        expect(res.status).toBe(200)
        // most stock of the order's items (each counted up to what is ordered): Vaise 4, Bellecour 2, warehouse 4 → Vaise and the warehouse tie; the ranking puts the warehouse first.
        expect(await reservedAt(res.data.order.id)).toEqual(
          expect.arrayContaining([
            { sku: "MUG-INK", location_id: L.warehouse, quantity: 2 },
            { sku: "TOTE-SAND", location_id: L.warehouse, quantity: 2 },
          ])
        )
        // Once the warehouse has less than the order, Vaise has the most.
        await stockOnlyAt(getContainer(), "TOTE-SAND", { [L.warehouse]: 1, [L.vaise]: 6 })
        const next = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 2 }, { sku: "TOTE-SAND", quantity: 2 }]))
        expect(await reservedAt(next.data.order.id)).toEqual(
          expect.arrayContaining([
            { sku: "MUG-INK", location_id: L.vaise, quantity: 2 },
            { sku: "TOTE-SAND", location_id: L.vaise, quantity: 2 },
          ])
        )
      })

      it("refuses with a 409 naming the item and what is available when the shipping locations together are short, reserving nothing", async () => {
        // Vaise has 10 but doesn't ship; Bellecour ships 2 over its safety stock of 1.
        const itemId = await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 2, [L.bellecour]: 3, [L.vaise]: 10 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["fewest_locations"] },
          locations: [{ location_id: L.bellecour, ships: true, safety_stock: 1 }],
        })
        const shop = storeClient(api, seed)
        const cartId = await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 5 }])
        const res = await complete(shop, cartId)
        expect(res.status).toBe(409)
        expect(res.data.message).toBe("Not enough stock to ship MUG-INK (5 requested, 4 available)")
        const levels = await levelsOf(getContainer(), itemId)
        expect(Object.values(levels).every((l) => l.reserved === 0)).toBe(true)
        const { data } = await shop.get(`/store/carts/${cartId}`)
        expect(data.cart.completed_at).toBeNull()
      })

      it("leaves a channel whose policy is disabled, or without one, unrouted: reserved at its option's location, nothing allocated", async () => {
        const itemId = await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 5, [L.bellecour]: 5 })
        // The disabled policy would send it to Bellecour; "Standard delivery" ships from the warehouse.
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [L.bellecour] },
          channels: [{ sales_channel_id: web(), policy: { rules: ["priority"], priority: [L.bellecour], enabled: false } }],
          locations: [{ location_id: L.bellecour, ships: true }],
        })
        const shop = storeClient(api, seed)
        const res = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 1 }]))
        expect(res.status).toBe(200)
        expect(await reservedAt(res.data.order.id)).toEqual([{ sku: "MUG-INK", location_id: L.warehouse, quantity: 1 }])
        expect((await admin.get(`/admin/orders/${res.data.order.id}/allocation`)).data.locations).toEqual([])
        expect((await levelsOf(getContainer(), itemId))[L.bellecour].reserved).toBe(0)
      })

      it("gives exactly as many orders as units when shoppers race for the last units spread over three locations", async () => {
        const itemId = await stockOnlyAt(getContainer(), "YOGA-4MM", { [L.warehouse]: 2, [L.bellecour]: 1, [L.vaise]: 1 })
        variants["YOGA-4MM"] ??= (await variantIdsBySku(getContainer(), ["YOGA-4MM"]))["YOGA-4MM"]
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["fewest_locations", "priority"], priority: [L.vaise, L.bellecour, L.warehouse] },
          locations: [L.bellecour, L.vaise].map((location_id) => ({ location_id, ships: true })),
        })
        const shop = storeClient(api, seed)
        const carts: string[] = []
        for (let i = 0; i < 9; i++) carts.push(await deliveryCart(shop, [{ sku: "YOGA-4MM", quantity: 1 }]))
        const results = await Promise.all(carts.map((id) => complete(shop, id)))
        const placed = results.filter((r) => r.status === 200)
        expect(placed).toHaveLength(4)
        const refused = results.filter((r) => r.status !== 200)
        expect(refused.map((r) => r.status)).toEqual(Array(5).fill(409))
        const levels = await levelsOf(getContainer(), itemId)
        expect({ w: levels[L.warehouse], b: levels[L.bellecour], v: levels[L.vaise] }).toEqual({
          w: { stocked: 2, reserved: 2 },
          b: { stocked: 1, reserved: 1 },
          v: { stocked: 1, reserved: 1 },
        })
      })

      it("splits a line no single location ships whole into one order line per location, the cart's total unchanged", async () => {
        const itemId = await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 3, [L.bellecour]: 2, [L.vaise]: 1 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [L.warehouse, L.bellecour] },
          locations: [L.bellecour, L.vaise].map((location_id) => ({ location_id, ships: true })),
        })
        const shop = storeClient(api, seed)
        const cartId = await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 5 }, { sku: "TOTE-SAND", quantity: 1 }])
        const { data: before } = await shop.get(`/store/carts/${cartId}`)
        const res = await complete(shop, cartId)
        expect(res.status).toBe(200)
        const order = res.data.order
        expect(order.total).toBe(before.cart.total)
        const mugs = order.items.filter((i: any) => i.variant_sku === "MUG-INK")
        expect(mugs.map((i: any) => i.quantity).sort()).toEqual([2, 3])
        expect(mugs.every((i: any) => i.unit_price === mugs[0].unit_price)).toBe(true)
        expect(await reservedAt(order.id)).toEqual(
          expect.arrayContaining([
            { sku: "MUG-INK", location_id: L.warehouse, quantity: 3 },
            { sku: "MUG-INK", location_id: L.bellecour, quantity: 2 },
          ])
        )
        const levels = await levelsOf(getContainer(), itemId)
        expect([levels[L.warehouse].reserved, levels[L.bellecour].reserved, levels[L.vaise].reserved]).toEqual([3, 2, 0])
        const { data } = await admin.get(`/admin/orders/${order.id}/allocation`)
        const mugParts = data.locations.flatMap((l: any) => l.lines.filter((x: any) => x.sku === "MUG-INK").map((x: any) => [l.location_id, x.quantity]))
        expect(mugParts.sort()).toEqual([[L.bellecour, 2], [L.warehouse, 3]].sort())
      })

      it("shares a line's discount between its parts so the order costs what the cart did", async () => {
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 2, [L.bellecour]: 1 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [L.warehouse, L.bellecour] },
          locations: [{ location_id: L.bellecour, ships: true }],
        })
        // 1 EUR off the items: on a line of 3 split 2 + 1, a third of it doesn't come out even.
        const code = `ROUTE${Date.now()}`
        await admin.post("/admin/promotions", {
          code,
          type: "standard",
          status: "active",
          application_method: { type: "fixed", target_type: "items", allocation: "across", value: 1, currency_code: "eur" },
        })
        const shop = storeClient(api, seed)
        const cartId = await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 3 }])
        await shop.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] })
        await pay(shop, cartId)
        const { data: before } = await shop.get(`/store/carts/${cartId}`)
        expect(before.cart.discount_total).toBe(1.2) // 1 EUR off, plus the 20 % VAT it takes off
        const res = await complete(shop, cartId)
        expect(res.status).toBe(200)
        const order = res.data.order
        expect([order.total, order.discount_total, order.item_total]).toEqual([before.cart.total, 1.2, before.cart.item_total])
        const lines = order.items.map((i: any) => i.quantity).sort()
        expect(lines).toEqual([1, 2])
        expect(order.items.every((i: any) => i.adjustments?.[0]?.code === code)).toBe(true)
        expect(await reservedAt(order.id)).toEqual(
          expect.arrayContaining([
            { sku: "MUG-INK", location_id: L.warehouse, quantity: 2 },
            { sku: "MUG-INK", location_id: L.bellecour, quantity: 1 },
          ])
        )
      })

      it("puts a split cart back as it was when the checkout fails after the split", async () => {
        await stockOnlyAt(getContainer(), "MUG-INK", { [L.warehouse]: 3, [L.bellecour]: 2 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [L.warehouse, L.bellecour] },
          locations: [{ location_id: L.bellecour, ships: true }],
        })
        const shop = storeClient(api, seed)
        const cartId = await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 5 }])
        const { data: before } = await shop.get(`/store/carts/${cartId}`)
        failAfterCompletion.add(cartId)
        const res = await complete(shop, cartId)
        expect(res.status).toBe(409)
        const { data: after } = await shop.get(`/store/carts/${cartId}`)
        expect(after.cart.completed_at).toBeNull()
        expect(after.cart.items.map((i: any) => [i.id, i.quantity])).toEqual(before.cart.items.map((i: any) => [i.id, i.quantity]))
        expect(after.cart.total).toBe(before.cart.total)
        // And it completes once the failure is gone.
        failAfterCompletion.delete(cartId)
        const retried = await complete(shop, cartId)
        expect([retried.status, retried.data.message ?? ""]).toEqual([200, ""])
      })
    })

    describe("ship from store", () => {
      /** A routed order of `quantity` mugs shipped from Bellecour (ranked first), the warehouse also holding some. */
      const orderFromBellecour = async (quantity = 1, warehouse = 5) => {
        const itemId = await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 3, [L.warehouse]: warehouse })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [L.bellecour, L.warehouse] },
          locations: [{ location_id: L.bellecour, ships: true }],
        })
        const shop = storeClient(api, seed)
        const res = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity }]))
        expect(res.status).toBe(200)
        const { data } = await admin.get(`/admin/shipments?location_id=${L.bellecour}`)
        const shipment = data.shipments.find((s: any) => s.order.id === res.data.order.id)
        expect(shipment).toMatchObject({ status: "to_ship", location: { id: L.bellecour, name: "Lyon Bellecour" } })
        return { order: res.data.order, shipment, itemId }
      }
      const staff = async (index: number) => bearerClient(api, await loginStaff(api, index))
      // lea: Bellecour and Part-Dieu; nadia: Croix-Rousse.
      const lea = () => staff(0)
      const nadia = () => staff(1)

      it("takes a routed order from the store's queue through pick, pack and ship: Medusa's fulfillment and shipment at the store, the shopper told", async () => {
        const { order, shipment, itemId } = await orderFromBellecour(2)
        const desk = await lea()
        const queue = (await desk.get("/staff/shipments")).data
        expect(queue.shipments.map((s: any) => s.id)).toContain(shipment.id)
        expect(queue.shipments.find((s: any) => s.id === shipment.id).lines).toEqual([
          expect.objectContaining({ sku: "MUG-INK", quantity: 2, status: "allocated" }),
        ])

        const early = await desk.fail(desk.post(`/staff/shipments/${shipment.id}/ship`, { carrier: "Colissimo", tracking_number: "6A123" }))
        expect(early.status).toBe(409)
        expect(early.data.message).toContain("to_ship")
        expect((await desk.post(`/staff/shipments/${shipment.id}/pick`)).data.shipment.status).toBe("picking")
        expect((await desk.post(`/staff/shipments/${shipment.id}/pack`)).data.shipment.status).toBe("packed")
        const shipped = await desk.post(`/staff/shipments/${shipment.id}/ship`, {
          carrier: "Colissimo",
          tracking_number: "6A12345678901",
          tracking_url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
        })
        expect(shipped.data.shipment).toMatchObject({ status: "shipped", carrier: "Colissimo", tracking_number: "6A12345678901" })
        expect(shipped.data.shipment.lines).toEqual([expect.objectContaining({ quantity: 2, status: "shipped" })])
        expect(shipped.data.shipment.timeline.map((t: any) => [t.action, t.actor_type])).toEqual([
          ["picking", "staff"],
          ["packed", "staff"],
          ["shipped", "staff"],
        ])
        // Medusa's own fulfillment, at Bellecour, shipped with the label.
        const query = getContainer().resolve("query")
        const { data: [withFulfillment] } = await query.graph({
          entity: "order",
          fields: ["fulfillments.id", "fulfillments.location_id", "fulfillments.shipped_at", "fulfillments.labels.tracking_number", "fulfillments.items.quantity"],
          filters: { id: order.id },
        })
        expect(withFulfillment.fulfillments).toHaveLength(1)
        expect(withFulfillment.fulfillments[0]).toMatchObject({
          id: shipped.data.shipment.fulfillment_id,
          location_id: L.bellecour,
          labels: [expect.objectContaining({ tracking_number: "6A12345678901" })],
        })
        expect(withFulfillment.fulfillments[0].shipped_at).not.toBeNull()
        // The units left Bellecour's shelf; nothing is reserved any more.
        expect((await levelsOf(getContainer(), itemId))[L.bellecour]).toEqual({ stocked: 1, reserved: 0 })
        const told = await waitFor(() => notificationsOf(getContainer(), order.id, "shipment.shipped"))
        expect(told).toHaveLength(1)
        expect(told[0].data).toMatchObject({ carrier: "Colissimo", tracking_number: "6A12345678901", items: [{ quantity: 2, title: expect.any(String) }] })

        const again = await desk.fail(desk.post(`/staff/shipments/${shipment.id}/ship`, { carrier: "Colissimo", tracking_number: "X" }))
        expect(again.status).toBe(409)
        // Shipped ones leave the queue.
        expect((await desk.get("/staff/shipments")).data.shipments.map((s: any) => s.id)).not.toContain(shipment.id)
      })

      it("keeps staff to their stores' shipments, and the desk's input checked", async () => {
        const { order, shipment } = await orderFromBellecour()
        const other = await nadia()
        expect((await other.get("/staff/shipments")).data.shipments.map((s: any) => s.id)).not.toContain(shipment.id)
        for (const call of [
          () => other.get(`/staff/shipments/${shipment.id}`),
          () => other.post(`/staff/shipments/${shipment.id}/pick`),
          () => other.post(`/staff/shipments/${shipment.id}/lines/${order.items[0].id}/reject`, { reason: "not found" }),
        ]) {
          expect((await other.fail(call())).status).toBe(404)
        }
        expect((await other.fail(other.get(`/staff/shipments?location_id=${L.bellecour}`))).status).toBe(404)
        const desk = await lea()
        expect((await desk.fail(desk.post(`/staff/shipments/${shipment.id}/ship`, { carrier: "", tracking_number: "1" }))).status).toBe(400)
        expect((await desk.fail(desk.post(`/staff/shipments/${shipment.id}/ship`, { carrier: "DHL", tracking_number: "1", tracking_url: "not a url" }))).status).toBe(400)
        expect((await desk.fail(desk.post(`/staff/shipments/${shipment.id}/lines/${order.items[0].id}/reject`, {}))).status).toBe(400)
        const notOurs = await desk.fail(desk.post(`/staff/shipments/${shipment.id}/lines/ordli_nope/reject`, { reason: "lost" }))
        expect(notOurs.status).toBe(404)
        expect((await desk.fail(desk.get("/staff/shipments?status=lost"))).status).toBe(400)
        // Admin tokens aren't staff tokens, and the reverse.
        expect((await admin.fail(admin.get("/staff/shipments"))).status).toBe(401)
        expect((await desk.fail(desk.get("/admin/shipments"))).status).toBe(401)
      })

      it("hands a line the store can't find to the next location by the rules, and tells the shopper when nowhere has it", async () => {
        const { order, shipment, itemId } = await orderFromBellecour(2, 2)
        const line = order.items[0].id
        const desk = await lea()
        const moved = await desk.post(`/staff/shipments/${shipment.id}/lines/${line}/reject`, { reason: "Box damaged" })
        expect(moved.data.moved_to).toEqual({ location_id: L.warehouse, name: "Saint-Priest Warehouse" })
        // Nothing left to ship at Bellecour: its card is closed; the reservation is at the warehouse now.
        expect(moved.data.shipment.status).toBe("canceled")
        expect(moved.data.shipment.lines).toEqual([expect.objectContaining({ status: "rejected", reason: "Box damaged" })])
        expect(await reservedAt(order.id)).toEqual([{ sku: "MUG-INK", location_id: L.warehouse, quantity: 2 }])
        expect((await levelsOf(getContainer(), itemId))[L.bellecour].reserved).toBe(0)
        const { data: queue } = await admin.get(`/admin/shipments?location_id=${L.warehouse}`)
        const next = queue.shipments.find((s: any) => s.order.id === order.id)
        expect(next).toMatchObject({ status: "to_ship", lines: [expect.objectContaining({ quantity: 2, status: "allocated" })] })
        const { data: allocation } = await admin.get(`/admin/orders/${order.id}/allocation`)
        expect(allocation.locations.flatMap((l: any) => l.lines.map((x: any) => [l.location_id, x.status]))).toEqual(
          expect.arrayContaining([
            [L.bellecour, "rejected"],
            [L.warehouse, "allocated"],
          ])
        )

        // The warehouse can't find them either; Bellecour already turned them down: nowhere else.
        const totals = async () =>
          (await admin.get(`/admin/orders/${order.id}?fields=total,item_total,items.id,items.quantity,items.total`)).data.order
        const before = await totals()
        const lineTotal = before.items.find((i: any) => i.id === line).total
        expect(lineTotal).toBeGreaterThan(0)
        const lost = await admin.post(`/admin/shipments/${next.id}/lines/${line}/reject`, { reason: "Not on the shelf" })
        expect(lost.data.moved_to).toBeNull()
        expect(lost.data.shipment.lines).toEqual([expect.objectContaining({ status: "unavailable", reason: "Not on the shelf" })])
        expect((await reservedAt(order.id)).filter((r) => r.quantity > 0)).toEqual([])
        // Taken off the order with Medusa's order edit: the total drops by the line's.
        const after = await totals()
        expect(after.items.find((i: any) => i.id === line && i.quantity > 0)).toBeUndefined()
        expect(after.total).toBeCloseTo(before.total - lineTotal, 2)
        const told = await waitFor(() => notificationsOf(getContainer(), order.id, "shipment.line_unavailable"))
        expect(told).toHaveLength(1)
        // Only authorized: nothing to give back; the authorization is captured for the new total
        // (not canceled for the shopper to pay again, as Medusa's order edit alone would do).
        expect(lost.data.refunded_amount).toBe(0)
        const { data: paid } = await admin.get(
          `/admin/orders/${order.id}?fields=total,summary,payment_collections.status,payment_collections.payments.canceled_at,payment_collections.payments.captures.amount`
        )
        expect(paid.order.payment_collections).toHaveLength(1)
        const payment = paid.order.payment_collections[0].payments[0]
        expect(payment.canceled_at).toBeNull()
        expect(payment.captures.reduce((s: number, c: any) => s + Number(c.amount), 0)).toBeCloseTo(paid.order.total, 2)
        expect(paid.order.summary.pending_difference).toBeCloseTo(0, 2)
        expect(told[0].data).toMatchObject({ item: { quantity: 2, title: expect.any(String) }, refunded_amount: 0 })
      })

      it("refunds what was captured for a line no location has, and nothing of the lines still shipping", async () => {
        const itemId = await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 3 })
        await stockOnlyAt(getContainer(), "TOTE-SAND", { [L.bellecour]: 3 })
        await admin.post("/admin/fulfillment-routing", {
          default: { rules: ["priority"], priority: [L.bellecour, L.warehouse] },
          locations: [{ location_id: L.bellecour, ships: true }],
        })
        const { token } = await loginCustomer(api, 3)
        const shop = storeClient(api, seed, "Web store", token)
        const res = await complete(shop, await deliveryCart(shop, [{ sku: "MUG-INK", quantity: 2 }, { sku: "TOTE-SAND", quantity: 1 }]))
        expect(res.status).toBe(200)
        const orderId = res.data.order.id
        const read = async () =>
          (
            await admin.get(
              `/admin/orders/${orderId}?fields=total,summary,items.id,items.total,items.variant_sku,payment_collections.payments.id,payment_collections.payments.refunds.amount,payment_collections.payments.refunds.note`
            )
          ).data.order
        const before = await read()
        const payment = before.payment_collections[0].payments[0]
        await admin.post(`/admin/payments/${payment.id}/capture`, {})
        const mug = before.items.find((i: any) => i.variant_sku === "MUG-INK")
        const { data: queue } = await admin.get(`/admin/shipments?location_id=${L.bellecour}`)
        const shipment = queue.shipments.find((s: any) => s.order.id === orderId)

        const desk = await lea()
        const lost = await desk.post(`/staff/shipments/${shipment.id}/lines/${mug.id}/reject`, { reason: "Broken on the shelf" })
        expect(lost.data.moved_to).toBeNull()
        // The tote still ships from here: the card stays open.
        expect(lost.data.shipment.status).toBe("to_ship")
        expect(lost.data.refunded_amount).toBeCloseTo(mug.total, 2)
        const after = await read()
        const refunds = after.payment_collections[0].payments[0].refunds
        expect(refunds).toEqual([expect.objectContaining({ note: "Unavailable: Broken on the shelf" })])
        expect(refunds[0].amount).toBeCloseTo(mug.total, 2)
        expect(after.total).toBeCloseTo(before.total - mug.total, 2)
        // Paid in full for what is left: nothing owed either way.
        expect(after.summary.pending_difference).toBeCloseTo(0, 2)
        expect((await levelsOf(getContainer(), itemId))[L.bellecour].reserved).toBe(0)
        const told = await waitFor(() => notificationsOf(getContainer(), orderId, "shipment.line_unavailable"))
        expect(told[0].data).toMatchObject({ item: { quantity: 2 }, currency_code: "eur" })
        expect(told[0].data.refunded_amount).toBeCloseTo(mug.total, 2)
        // The refund takes back the mugs' share of the points earned on the order.
        const entries = async () => (await shop.get("/store/customers/me/loyalty?limit=50")).data.loyalty.entries.filter((e: any) => e.order_id === orderId)
        const reversal = await waitFor(async () => (await entries()).filter((e: any) => e.type === "reverse"))
        const earn = (await entries()).find((e: any) => e.type === "earn")
        expect(earn.points).toBeGreaterThan(0)
        expect(reversal).toHaveLength(1)
        expect(reversal[0].points).toBeLessThan(0)
      })

      it("ships once when two desks ship the same parcel at the same moment", async () => {
        const { order, shipment } = await orderFromBellecour()
        const [a, b] = [await lea(), admin]
        await a.post(`/staff/shipments/${shipment.id}/pick`)
        await a.post(`/staff/shipments/${shipment.id}/pack`)
        const results = await Promise.all([
          a.fail(a.post(`/staff/shipments/${shipment.id}/ship`, { carrier: "Colissimo", tracking_number: "A1" })),
          b.fail(b.post(`/admin/shipments/${shipment.id}/ship`, { carrier: "Chronopost", tracking_number: "B2" })),
        ])
        expect(results.map((r) => r.status).sort()).toEqual([200, 409])
        const query = getContainer().resolve("query")
        const { data: [o] } = await query.graph({ entity: "order", fields: ["fulfillments.id"], filters: { id: order.id } })
        expect(o.fulfillments).toHaveLength(1)
      })
    })
  },
})
