/**
 * Delivery routing for the bench: gives the "Mobile app" channel routing
 * rules (fewest locations, nearest, the merchant's ranking) with every
 * location of the data set shipping, then times the routing decision
 * in-process for a 10-item cart over those locations: the pure `allocate`
 * alone, and with the read of every location's stock it decides from (what
 * the checkout does under its locks). Prints one BENCH_ROUTING line.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { allocate, type RoutingLine, type RoutingPolicy } from "../src/lib/routing"
import { loadShippingLocations } from "../src/lib/routing-data"
import { updateFulfillmentRoutingWorkflow } from "../src/workflows/routing"

export default async function routingBench({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [mobile] } = await query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { name: "Mobile app" } })
  const locationIds = (mobile.stock_locations ?? []).map((l: any) => l.id)
  const [bellecour] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: "Lyon Bellecour" })
  const [warehouse] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: "Saint-Priest Warehouse" })
  const policy: RoutingPolicy = { rules: ["fewest_locations", "nearest", "priority"], priority: [bellecour.id, warehouse.id] }
  await updateFulfillmentRoutingWorkflow(container).run({
    input: {
      channels: [{ sales_channel_id: mobile.id, policy }],
      locations: locationIds.map((location_id: string) => ({ location_id, ships: true })),
    },
  })

  // The same 10-item cart as the locator's (the first bench variants by SKU).
  const first = await container
    .resolve(Modules.PRODUCT)
    .listProductVariants({ sku: { $like: "bench-%" } } as any, { select: ["id"], take: 10, order: { sku: "ASC" } } as any)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "manage_inventory", "inventory_items.inventory_item_id", "inventory_items.required_quantity"],
    filters: { id: first.map((v) => v.id) },
  })
  const lines: RoutingLine[] = variants.map((v: any) => ({
    label: v.sku,
    variant_id: v.id,
    quantity: 1,
    inventory: v.inventory_items.map((i: any) => ({ inventory_item_id: i.inventory_item_id, required_quantity: Number(i.required_quantity ?? 1) })),
  }))
  const itemIds = lines.flatMap((l) => l.inventory.map((i) => i.inventory_item_id))
  const destination = { latitude: 45.7578, longitude: 4.832 }
  const runs = Number(process.env.BENCH_ROUTING_RUNS ?? 300)
  const time = async (fn: () => unknown) => {
    for (let i = 0; i < 30; i++) await fn()
    const t: number[] = []
    for (let i = 0; i < runs; i++) {
      const s = performance.now()
      await fn()
      t.push(performance.now() - s)
    }
    t.sort((a, b) => a - b)
    const p = (q: number) => t[Math.min(t.length - 1, Math.ceil(q * t.length) - 1)]
    return { p50: p(0.5), p95: p(0.95) }
  }
  const locations = await loadShippingLocations(container, mobile.id, itemIds)
  const decided = allocate(lines, locations, policy, destination)
  const pure = await time(() => allocate(lines, locations, policy, destination))
  const withRead = await time(async () => allocate(lines, await loadShippingLocations(container, mobile.id, itemIds), policy, destination))
  console.log(
    `BENCH_ROUTING ${JSON.stringify({
      locations: locations.length,
      items: lines.length,
      shipped_from: decided.ok ? decided.locations.length : null,
      runs,
      allocate: pure,
      with_stock_read: withRead,
    })}`
  )
}
