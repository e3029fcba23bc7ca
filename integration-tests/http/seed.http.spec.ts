import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedDemoData } from "../../data/seed"
import { seedDemoHistory } from "../../data/history"
import { PICKUP_MODULE } from "../../src/modules/pickup"
import people from "../../data/customers.json"
import productData from "../../data/products.json"
import storeData from "../../data/stores.json"

jest.setTimeout(180000)

async function counts(container: any) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const count = async (entity: string, filters: any = {}) =>
    (await query.graph({ entity, fields: ["id"], filters })).data.length
  return {
    regions: await count("region"),
    sales_channels: await count("sales_channel"),
    api_keys: await count("api_key"),
    stock_locations: await count("stock_location"),
    fulfillment_sets: await count("fulfillment_set"),
    shipping_options: await count("shipping_option"),
    products: await count("product"),
    variants: await count("product_variant"),
    inventory_levels: (await container.resolve(Modules.INVENTORY).listInventoryLevels({})).length,
    customers: await count("customer"),
    users: await count("user"),
    pickup_stores: await count("pickup_store"),
    categories: await count("product_category"),
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("seeds the demo data once: a second run adds nothing", async () => {
      const container = getContainer()
      const first = await seedDemoData(container)
      const afterFirst = await counts(container)
      const second = await seedDemoData(container)
      const afterSecond = await counts(container)

      expect(afterSecond).toEqual(afterFirst)
      expect(second).toEqual(first)

      const variantCount = productData.products.reduce((n, p) => n + p.variants.length, 0)
      const pickupStores = storeData.stores.filter((s) => s.pickup.enabled).length
      expect(afterFirst).toEqual(
        expect.objectContaining({
          products: productData.products.length,
          variants: variantCount,
          pickup_stores: storeData.stores.length,
          stock_locations: storeData.stores.length + 1,
          // one pickup set per pickup store + the warehouse's shipping set
          fulfillment_sets: pickupStores + 1,
          shipping_options: pickupStores + 2,
          customers: people.customers.length,
        })
      )
      expect(Object.keys(first.publishable_keys)).toEqual(["Web store", "Mobile app", "In-store"])
    })

    it("gives each pickup store Medusa's pickup fulfillment set and option, and stock that differs per store", async () => {
      const container = getContainer()
      const seed = await seedDemoData(container)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: locations } = await query.graph({
        entity: "stock_location",
        fields: [
          "id",
          "name",
          "sales_channels.name",
          "fulfillment_sets.type",
          "fulfillment_sets.service_zones.shipping_options.name",
        ],
      })
      for (const store of storeData.stores.filter((s) => s.pickup.enabled)) {
        const location = locations.find((l: any) => l.id === seed.locations[store.handle])!
        expect(location.fulfillment_sets.map((s: any) => s.type)).toEqual(["pickup"])
        expect(location.fulfillment_sets[0].service_zones[0].shipping_options.map((o: any) => o.name)).toEqual([
          `Pick up at ${store.name}`,
        ])
        expect(location.sales_channels.map((c: any) => c.name).sort()).toEqual(["In-store", "Mobile app", "Web store"])
      }
      const showroom = locations.find((l: any) => l.id === seed.locations["guillotiere"])!
      expect(showroom.fulfillment_sets).toEqual([])

      // The notebook is stocked in one store only; the earbuds only in the warehouse.
      const inventory = container.resolve(Modules.INVENTORY)
      const [notebook] = await inventory.listInventoryItems({ sku: "NOTEBOOK-A5" })
      const notebookLevels = await inventory.listInventoryLevels({ inventory_item_id: notebook.id })
      expect(notebookLevels.map((l) => l.location_id).sort()).toEqual(
        [seed.locations["croix-rousse"], seed.locations["warehouse"]].sort()
      )
      const [earbuds] = await inventory.listInventoryItems({ sku: "EARBUDS-BLK" })
      const earbudLevels = await inventory.listInventoryLevels({ inventory_item_id: earbuds.id })
      expect(earbudLevels.map((l) => l.location_id)).toEqual([seed.locations["warehouse"]])
    })

    it("imports the year of history paid and handed over: delivered, collected or sold at the till, pickups named", async () => {
      const container = getContainer()
      const seed = await seedDemoData(container)
      const { orders } = await seedDemoHistory(container)
      expect(orders).toBeGreaterThan(400)
      const admin = await api.post("/auth/user/emailpass", { email: people.admin.email, password: people.admin.password })
      const headers = { authorization: `Bearer ${admin.data.token}` }
      // Medusa's admin list reads each order's payment and fulfilment status: every imported order, page by page.
      const imported: any[] = []
      for (let offset = 0; ; offset += 100) {
        const { data } = await api.get(`/admin/orders?limit=100&offset=${offset}&fields=id,status,payment_status,fulfillment_status,metadata,customer_id`, { headers })
        imported.push(...data.orders.filter((o: any) => o.metadata?.imported_history))
        if (offset + 100 >= data.count) break
      }
      expect(imported.length).toBe(orders)
      const odd = imported.filter((o: any) => o.status !== "canceled" && `${o.payment_status}:${o.fulfillment_status}` !== "captured:delivered")
      expect(odd.map((o: any) => `${o.payment_status}:${o.fulfillment_status}`)).toEqual([])

      const pickups = await container.resolve(PICKUP_MODULE).listPickupOrders({}, { take: 1000 })
      expect(pickups.length).toBeGreaterThan(50)
      expect(pickups.every((p: any) => /^\S+ \S+$/.test(p.customer_name ?? ""))).toBe(true)

      // A history shopper's own history: every row says delivered, collected or bought in store (or canceled).
      const { data: [customer] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer",
        fields: ["id"],
        filters: { id: imported.find((o: any) => o.status === "completed").customer_id ?? undefined },
      })
      expect(customer).toBeDefined()
      const { orderHistory } = await import("../../src/lib/order-history").then((m) => ({ orderHistory: m.customerHistory }))
      const history = await orderHistory(container, customer.id, { limit: 50, offset: 0 })
      expect(history.orders.length).toBeGreaterThan(0)
      for (const row of history.orders) expect(["delivered", "collected", "sold_in_store", "canceled"]).toContain(row.progress.state)
      expect(seed.region_id).toBeDefined()
    })

    it("creates working accounts: customers and the admin log in through HTTP", async () => {
      const seed = await seedDemoData(getContainer())
      const customer = people.customers[0]
      const asCustomer = await api.post("/auth/customer/emailpass", {
        email: customer.email,
        password: customer.password,
      })
      const me = await api.get("/store/customers/me", {
        headers: {
          authorization: `Bearer ${asCustomer.data.token}`,
          "x-publishable-api-key": seed.publishable_keys["Web store"],
        },
      })
      expect(me.data.customer).toEqual(
        expect.objectContaining({ email: customer.email, first_name: customer.first_name, has_account: true })
      )

      const admin = await api.post("/auth/user/emailpass", {
        email: people.admin.email,
        password: people.admin.password,
      })
      const users = await api.get("/admin/users/me", {
        headers: { authorization: `Bearer ${admin.data.token}` },
      })
      expect(users.data.user.email).toBe(people.admin.email)
    })
  },
})
