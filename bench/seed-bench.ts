/**
 * Benchmark data set (not the demo): the demo seed plus 500 generated pickup
 * stores around Lyon and 2,000 generated variants stocked in ~25 stores each.
 * Run by `npm run bench` through `medusa exec`; idempotent like the demo seed.
 */
import {
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { seedDemoData } from "../data/seed"
import { upsertPickupStoreWorkflow } from "../src/workflows"

const STORES = Number(process.env.BENCH_STORES ?? 500)
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 2000)
const PER_PRODUCT = 10

// Deterministic pseudo-random numbers, so every run builds the same data.
let state = 42
const rand = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)

export default async function seedBench({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const seed = await seedDemoData(container, logger)
  const stockLocation = container.resolve(Modules.STOCK_LOCATION)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const hours = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat"].map((d) => [d, [["09:00", "19:00"]]]))

  const existing = await stockLocation.listStockLocations({ name: { $like: "Bench store %" } } as any, { select: ["id", "name"] })
  const have = new Set(existing.map((l) => l.name))
  const toCreate = []
  for (let i = 0; i < STORES; i++) {
    const name = `Bench store ${String(i).padStart(3, "0")}`
    if (!have.has(name)) toCreate.push(name)
  }
  for (let i = 0; i < toCreate.length; i += 50) {
    const batch = toCreate.slice(i, i + 50)
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: batch.map((name) => ({
          name,
          address: { address_1: `${name} street`, city: "Lyon", postal_code: "69000", country_code: "fr" },
        })),
      },
    })
    for (const location of result) {
      await linkSalesChannelsToStockLocationWorkflow(container).run({
        input: { id: location.id, add: Object.values(seed.sales_channels) },
      })
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
      await upsertPickupStoreWorkflow(container).run({
        input: {
          location_id: location.id,
          enabled: true,
          latitude: 45.76 + (rand() - 0.5) * 0.6,
          longitude: 4.84 + (rand() - 0.5) * 0.8,
          timezone: "Europe/Paris",
          hours: hours as any,
          lead_time_minutes: 120,
          safety_stock: 1,
        },
      })
    }
    logger.info(`Bench: ${Math.min(i + 50, toCreate.length)}/${toCreate.length} stores`)
  }
  const stores = await stockLocation.listStockLocations({ name: { $like: "Bench store %" } } as any, { select: ["id"] })
  await deepStock(container, "MUG-INK", [seed.locations["bellecour"], seed.locations["warehouse"]])
  // Medusa's own delivery checkout: an item only the warehouse (its option's location) holds.
  await deepStockOnly(container, "EARBUDS-BLK", [seed.locations["warehouse"]])
  // The multi-store case: one item stocked at five stores and nowhere else.
  await deepStockOnly(container, "YOGA-6MM", ["bellecour", "part-dieu", "croix-rousse", "confluence", "gratte-ciel"].map((k) => seed.locations[k]))

  const product = container.resolve(Modules.PRODUCT)
  const benchProducts = await product.listProducts({ handle: { $like: "bench-%" } } as any, { select: ["handle"] })
  const haveProducts = new Set(benchProducts.map((p) => p.handle))
  const productCount = Math.ceil(VARIANTS / PER_PRODUCT)
  for (let p = 0; p < productCount; p += 20) {
    const batch = []
    for (let k = p; k < Math.min(p + 20, productCount); k++) {
      const handle = `bench-${String(k).padStart(4, "0")}`
      if (haveProducts.has(handle)) continue
      const values = Array.from({ length: PER_PRODUCT }, (_, v) => `V${v}`)
      batch.push({
        title: `Bench product ${k}`,
        handle,
        status: ProductStatus.PUBLISHED,
        options: [{ title: "Variant", values }],
        variants: values.map((v) => ({
          title: v,
          sku: `${handle}-${v}`,
          options: { Variant: v },
          manage_inventory: true,
          prices: [{ amount: 10, currency_code: "eur" }],
        })),
        sales_channels: Object.values(seed.sales_channels).map((id) => ({ id })),
      })
    }
    if (!batch.length) continue
    const { result } = await createProductsWorkflow(container).run({ input: { products: batch } })
    const skus = result.flatMap((r: any) => r.variants.map((v: any) => v.sku))
    const items = await container.resolve(Modules.INVENTORY).listInventoryItems({ sku: skus }, { select: ["id"] })
    const levels = items.flatMap((item) => {
      const chosen = new Set<number>()
      while (chosen.size < Math.min(25, stores.length)) chosen.add(Math.floor(rand() * stores.length))
      return [...chosen].map((s) => ({
        inventory_item_id: item.id,
        location_id: stores[s].id,
        stocked_quantity: 1 + Math.floor(rand() * 20),
      }))
    })
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
    logger.info(`Bench: ${Math.min(p + 20, productCount)}/${productCount} products`)
  }
}

/** Deep stock of one demo variant at Bellecour and the warehouse, for repeated checkouts. */
export async function deepStock(container: any, sku: string, locationIds: string[]) {
  const inventory = container.resolve(Modules.INVENTORY)
  const [item] = await inventory.listInventoryItems({ sku })
  await inventory.updateInventoryLevels(
    locationIds.map((location_id) => ({ inventory_item_id: item.id, location_id, stocked_quantity: 100000 }))
  )
}

/** Deep stock of one demo variant at exactly these locations, none anywhere else. */
export async function deepStockOnly(container: any, sku: string, locationIds: string[]) {
  const inventory = container.resolve(Modules.INVENTORY)
  const [item] = await inventory.listInventoryItems({ sku })
  const levels = await inventory.listInventoryLevels({ inventory_item_id: item.id })
  await inventory.updateInventoryLevels(
    levels.map((l: any) => ({
      inventory_item_id: item.id,
      location_id: l.location_id,
      stocked_quantity: locationIds.includes(l.location_id) ? 100000 : 0,
    }))
  )
  const missing = locationIds.filter((id) => !levels.some((l: any) => l.location_id === id))
  if (missing.length) {
    await inventory.createInventoryLevels(
      missing.map((location_id) => ({ inventory_item_id: item.id, location_id, stocked_quantity: 100000 }))
    )
  }
}
