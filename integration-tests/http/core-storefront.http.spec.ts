import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient } from "../helpers/desk"
import { coreReservationLocation, expectExactStock, levelsOf, stockOnlyAt } from "../helpers/stock"
import { completeCart, createCart, StoreClient, storeClient, variantIdsBySku } from "../helpers/store"
import { PICKUP_MODULE } from "../../src/modules/pickup"

jest.setTimeout(300000)

/**
 * What Medusa's own storefront (dtc-starter) does, through Medusa's routes
 * only (GET /store/shipping-options, POST /store/carts/:id/shipping-methods,
 * POST /store/carts/:id/complete): a delivery's stock is taken where its
 * option ships from, not at a shop Medusa happens to list first; a store short
 * net of its safety stock is shown short and refused with a 409 naming the
 * item and the store; a guest's pickup carries the name on their address.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let L: Record<string, string>
    let admin: ReturnType<typeof bearerClient>

    afterEach(async () => {
      await expectExactStock(getContainer())
    })
    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK", "NOTEBOOK-A5"])
      L = seed.locations
    })
    beforeEach(async () => {
      const { headers } = await adminHeaders(api)
      admin = bearerClient(api, headers.authorization.replace(/^Bearer /, ""))
    })

    const options = async (shop: StoreClient, cartId: string) =>
      (await shop.get(`/store/shipping-options?cart_id=${cartId}`)).data.shipping_options as { id: string; name: string; insufficient_inventory: boolean }[]
    /** A cart delivered with "Standard delivery" (the warehouse's option), completed through Medusa's routes. */
    type Placed = { id: string; items: { id: string; variant_sku: string }[] }
    async function delivery(lines: { sku: string; quantity: number }[]): Promise<Placed>
    async function delivery(lines: { sku: string; quantity: number }[], opts: { deferComplete: true }): Promise<() => Promise<Placed>>
    async function delivery(lines: { sku: string; quantity: number }[], opts?: { deferComplete: true }) {
      const shop = storeClient(api, seed)
      const cart = await createCart(shop, seed, lines.map((l) => ({ variant_id: variants[l.sku], quantity: l.quantity })))
      const option = (await options(shop, cart.id)).find((o) => o.name === "Standard delivery")!
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      const complete = async () => {
        const res = await completeCart(shop, cart.id)
        expect([res.status, res.data.type]).toEqual([200, "order"])
        return res.data.order as Placed
      }
      return opts?.deferComplete ? complete : complete()
    }
    const reservedAt = async (orderId: string) => {
      const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["items.id", "items.variant_sku"], filters: { id: orderId } })
      const rows = await getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      const sku = new Map(order.items.map((i: any) => [i.id, i.variant_sku]))
      return rows.map((r: any) => [sku.get(r.line_item_id), r.location_id, Number(r.quantity)]).sort()
    }

    it("reserves a delivery where its option ships from, though Medusa would take a shop's stock", async () => {
      const mug = await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 5, [L.warehouse]: 0 })
      // Medusa takes the first location with stock in the order it reads the levels (creation order):
      // the warehouse's level made again comes after Bellecour's, as a shop's may in any database.
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const [warehouseLevel] = await inventory.listInventoryLevels({ inventory_item_id: mug, location_id: L.warehouse })
      await inventory.deleteInventoryLevels([warehouseLevel.id])
      await inventory.createInventoryLevels([{ inventory_item_id: mug, location_id: L.warehouse, stocked_quantity: 5 }])
      // Without the plugin this delivery would eat Bellecour's pickup stock.
      expect(await coreReservationLocation(getContainer(), variants["MUG-INK"], seed.sales_channels["Web store"])).not.toBe(L.warehouse)
      const order = await delivery([{ sku: "MUG-INK", quantity: 2 }])
      expect(await reservedAt(order.id)).toEqual([["MUG-INK", L.warehouse, 2]])
      const levels = await levelsOf(getContainer(), mug)
      expect([levels[L.warehouse].reserved, levels[L.bellecour].reserved]).toEqual([2, 0])
    })

    it("leaves Medusa's choice for a line the option's location lacks, and still places the order", async () => {
      await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 5, [L.warehouse]: 5 })
      await stockOnlyAt(getContainer(), "NOTEBOOK-A5", { [L["croix-rousse"]]: 4 })
      const order = await delivery([
        { sku: "MUG-INK", quantity: 1 },
        { sku: "NOTEBOOK-A5", quantity: 1 },
      ])
      expect(await reservedAt(order.id)).toEqual([["MUG-INK", L.warehouse, 1], ["NOTEBOOK-A5", L["croix-rousse"], 1]])
    })

    it("gives concurrent deliveries of the warehouse's last unit one each there and the other Medusa's choice", async () => {
      await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 5, [L.warehouse]: 1 })
      // Carts made one after the other (Medusa's guest-customer creation races on the same email), completed at once.
      const carts: (() => Promise<{ id: string }>)[] = []
      for (const _ of [0, 1]) carts.push(await delivery([{ sku: "MUG-INK", quantity: 1 }], { deferComplete: true }))
      const orders = await Promise.all(carts.map((complete) => complete()))
      const where = (await Promise.all(orders.map((o) => reservedAt(o.id)))).map((r) => r[0][1]).sort()
      expect(where).toEqual([L.bellecour, L.warehouse].sort())
    })

    it("shows a store short net of its safety stock as insufficient and refuses it with a 409 naming the item and the store", async () => {
      await stockOnlyAt(getContainer(), "MUG-INK", { [L.bellecour]: 2, [L["part-dieu"]]: 3, [L.warehouse]: 5 })
      await admin.post(`/admin/pickup-stores/${L.bellecour}`, { safety_stock: 2 })
      try {
        const shop = storeClient(api, seed)
        const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
        const listed = await options(shop, cart.id)
        const bellecour = listed.find((o) => o.name === "Pick up at Lyon Bellecour")!
        const partDieu = listed.find((o) => o.name === "Pick up at Lyon Part-Dieu")!
        expect([bellecour.insufficient_inventory, partDieu.insufficient_inventory]).toEqual([true, false])

        const refused = await shop.fail(shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: bellecour.id }))
        expect([refused.status, refused.data.message]).toEqual([409, "Not enough stock at Lyon Bellecour for MUG-INK: requested 1, available 0"])
        expect((await shop.get(`/store/carts/${cart.id}`)).data.cart.shipping_methods).toEqual([])
        // The store that has it is chosen as usual.
        const ok = await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: partDieu.id })
        expect(ok.data.cart.shipping_methods.map((m: any) => m.shipping_option_id)).toEqual([partDieu.id])
      } finally {
        await admin.post(`/admin/pickup-stores/${L.bellecour}`, { safety_stock: 0 })
      }
    })

    it("names a guest's pickup after the address they typed", async () => {
      await stockOnlyAt(getContainer(), "MUG-INK", { [L["part-dieu"]]: 3, [L.warehouse]: 5 })
      const shop = storeClient(api, seed)
      const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const option = (await options(shop, cart.id)).find((o) => o.name === "Pick up at Lyon Part-Dieu")!
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      const res = await completeCart(shop, cart.id)
      expect(res.status).toBe(200)
      const [pickup] = await getContainer().resolve(PICKUP_MODULE).listPickupOrders({ order_id: res.data.order.id })
      expect([pickup.location_id, pickup.customer_name]).toEqual([L["part-dieu"], "Camille Martin"])
      expect(await reservedAt(res.data.order.id)).toEqual([["MUG-INK", L["part-dieu"], 1]])
    })
  },
})
