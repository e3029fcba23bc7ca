import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { seedDemoData, SeedResult } from "../../data/seed"
import { waitFor } from "../helpers/desk"
import { coreReservationLocation, expectExactStock, stockOnlyAt } from "../helpers/stock"
import { createCart, storeClient, variantIdsBySku } from "../helpers/store"
import { PICKUP_MODULE } from "../../src/modules/pickup"
import { processStrayPickups } from "../../src/jobs/pickup-safety-net"

jest.setTimeout(300000)

/**
 * SPEC invariant 1 whatever completed the cart: an app's own route calling
 * Medusa's completeCartWorkflow directly leaves Medusa's reservation at the
 * channel's first location with stock and no pickup record; the safety net
 * on order.placed (and the hourly job) puts the reservation at the store and
 * creates the record, or says on the pickup's timeline why it can't.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let L: Record<string, string>

    afterEach(async () => {
      await expectExactStock(getContainer())
    })
    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK"])
      L = seed.locations
    })

    const pickups = () => getContainer().resolve(PICKUP_MODULE)
    const reservedAt = async (orderId: string) => {
      const { data: [order] } = await getContainer().resolve("query").graph({ entity: "order", fields: ["items.id"], filters: { id: orderId } })
      const rows = await getContainer().resolve(Modules.INVENTORY).listReservationItems({ line_item_id: order.items.map((i: any) => i.id) })
      return rows.map((r: any) => [r.location_id, Number(r.quantity)])
    }
    /** A pickup cart at `store` chosen with Medusa's route, paid, completed by core's workflow alone (no plugin route). */
    const completedByCore = async (store: string) => {
      const shop = storeClient(api, seed)
      const cart = await createCart(shop, seed, [{ variant_id: variants["MUG-INK"], quantity: 2 }])
      const { data } = await shop.get(`/store/shipping-options?cart_id=${cart.id}`)
      const option = data.shipping_options.find((o: any) => o.service_zone?.fulfillment_set?.location?.id === store || o.name === `Pick up at ${storeName(store)}`)
      await shop.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      const { data: pc } = await shop.post("/store/payment-collections", { cart_id: cart.id })
      await shop.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      return cart.id as string
    }
    let names: Record<string, string> = {}
    const storeName = (id: string) => names[id]

    beforeAll(async () => {
      const locations = await getContainer().resolve(Modules.STOCK_LOCATION).listStockLocations({})
      names = Object.fromEntries(locations.map((l: any) => [l.id, l.name]))
    })

    /** Two stores with the mug: where Medusa reserves it, and the other (the one the shopper picks). */
    const twoStores = async (quantities: (core: string, chosen: string) => Record<string, number>) => {
      const a = L["croix-rousse"]
      const b = L["vaise"]
      await stockOnlyAt(getContainer(), "MUG-INK", quantities(a, b))
      const core = await coreReservationLocation(getContainer(), variants["MUG-INK"], seed.sales_channels["Web store"], 2)
      const chosen = core === a ? b : a
      await stockOnlyAt(getContainer(), "MUG-INK", quantities(core, chosen))
      return { core, chosen }
    }

    it("moves a pickup completed by Medusa's completeCartWorkflow to its store and creates its record, once", async () => {
      const { core, chosen } = await twoStores((core, chosen) => ({ [core]: 5, [chosen]: 5 }))
      const cartId = await completedByCore(chosen)
      const { result } = await completeCartWorkflow(getContainer()).run({ input: { id: cartId } })
      const [record] = await waitFor(async () => pickups().listPickupOrders({ order_id: result.id }))
      expect(record).toMatchObject({ location_id: chosen, status: "placed", customer_name: "Camille Martin" })
      await waitFor(async () => ((await reservedAt(result.id))[0]?.[0] === chosen ? [1] : []))
      expect(await reservedAt(result.id)).toEqual([[chosen, 2]])
      expect(core).not.toBe(chosen)
      const placed = await waitFor(async () =>
        (await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: record.id })).filter((n: any) => n.trigger_type === "pickup.placed")
      )
      expect(placed).toHaveLength(1)

      // Again (a re-delivered event, the hourly job): nothing changes.
      const again = await processStrayPickups(getContainer())
      expect(again.placed).toEqual([])
      expect(await pickups().listPickupOrders({ order_id: result.id })).toHaveLength(1)
      expect(await reservedAt(result.id)).toEqual([[chosen, 2]])
    })

    it("keeps Medusa's reservation when the store lacks the stock, and says so on the pickup's timeline", async () => {
      const { core, chosen } = await twoStores((core, chosen) => ({ [core]: 5, [chosen]: 5 }))
      const cartId = await completedByCore(chosen)
      // The store sold out after the shopper chose it.
      await stockOnlyAt(getContainer(), "MUG-INK", { [core]: 5, [chosen]: 0 })
      const { result } = await completeCartWorkflow(getContainer()).run({ input: { id: cartId } })
      const [record] = await waitFor(async () => pickups().listPickupOrders({ order_id: result.id }))
      const [problem] = await waitFor(async () => pickups().listPickupActivities({ pickup_id: record.id, action: "stock_problem" }))
      expect(problem.data.message).toContain(`Not enough stock at ${storeName(chosen)}`)
      expect(await reservedAt(result.id)).toEqual([[core, 2]])
    })

    it("puts right, from the hourly job, a pickup whose order.placed was missed", async () => {
      const { chosen } = await twoStores((core, chosen) => ({ [core]: 5, [chosen]: 5 }))
      const cartId = await completedByCore(chosen)
      const { result } = await completeCartWorkflow(getContainer()).run({ input: { id: cartId } })
      const [record] = await waitFor(async () => pickups().listPickupOrders({ order_id: result.id }))
      // As if the event had never been handled: no record.
      await pickups().deletePickupOrders(record.id)
      const run = await processStrayPickups(getContainer())
      expect(run.placed).toEqual([result.id])
      expect(await pickups().listPickupOrders({ order_id: result.id })).toEqual([expect.objectContaining({ location_id: chosen })])
      expect(await reservedAt(result.id)).toEqual([[chosen, 2]])
    })
  },
})
