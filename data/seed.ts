/**
 * Demo seed: a Lyon retailer with six pickup stores (and one showroom without
 * pickup), a warehouse, three sales channels, 29 variants stocked unevenly,
 * customers and an admin user.
 *
 * Every section looks for what it would create (by name, handle, sku, email)
 * and creates only what is missing, so running it again, or after a crash half
 * way, converges to the same data without duplicates. Everything is created
 * through Medusa workflows, never raw SQL.
 *
 * Run: `npm run seed` (medusa exec), or import `seedDemoData` in tests.
 * The sections live in data/seed/*.ts, one concern a file.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedDemoHistory } from "./history"
import { seedDemoSegments } from "./seed/segments"
import {
  seedPublishableKeys,
  seedRegionAndTax,
  seedSalesChannels,
  seedStoreSettings,
} from "./seed/store"
import {
  seedFulfillment,
  seedLocations,
  seedPickupSettings,
  seedShippingProfile,
} from "./seed/locations"
import { seedProducts, seedStock } from "./seed/products"
import { seedAdmin, seedCustomers, seedLoyaltyProgram, seedStaff } from "./seed/people"

export { seedDemoSegments }

type Logger = { info: (msg: string) => void }

export type SeedResult = {
  sales_channels: Record<string, string>
  publishable_keys: Record<string, string>
  region_id: string
  locations: Record<string, string>
}

export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await seedDemoData(container, logger)
  await seedDemoSegments(container)
  logger.info("Seed: segments ready (Segments page in the admin)")
  await seedDemoHistory(container)
}

export async function seedDemoData(
  container: MedusaContainer,
  logger: Logger = { info: () => {} }
): Promise<SeedResult> {
  const salesChannels = await seedSalesChannels(container)
  const publishableKeys = await seedPublishableKeys(container, salesChannels)
  const regionId = await seedRegionAndTax(container)
  await seedStoreSettings(container, salesChannels, regionId)
  logger.info("Seed: store, region, channels and keys ready")

  const shippingProfileId = await seedShippingProfile(container)
  const locations = await seedLocations(container, salesChannels)
  await seedFulfillment(container, locations, shippingProfileId, regionId)
  // Pickup stores get their settings and, through the same workflow the admin
  // API uses, Medusa's "pickup" fulfillment set with a free "Pick up at …" option.
  await seedPickupSettings(container, locations)
  logger.info(`Seed: ${Object.keys(locations).length} locations with fulfillment ready`)

  await seedProducts(container, salesChannels, shippingProfileId)
  await seedStock(container, locations)
  logger.info(`Seed: products and stock ready`)

  await seedCustomers(container)
  await seedAdmin(container)
  await seedStaff(container, locations)
  await seedLoyaltyProgram(container)
  logger.info("Seed: customers, admin user, store staff and loyalty program ready")

  return {
    sales_channels: salesChannels,
    publishable_keys: publishableKeys,
    region_id: regionId,
    locations,
  }
}
