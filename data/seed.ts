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
 */
import { ENGAGEMENT_MODULE } from "../src/modules/engagement"
import { seedDemoHistory } from "./history"
import { RFM_GROUPS } from "../src/modules/engagement/types"
import { createSegmentWorkflow } from "../src/workflows/engagement"
import { handleOf } from "../src/api/admin/segments/validators"
import {
  createApiKeysWorkflow,
  createCustomerAccountWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  updateRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import { upsertPickupStoreWorkflow } from "../src/workflows"
import catalog from "./catalog.json"
import { STAFF_MODULE } from "../src/modules/staff"
import type StaffModuleService from "../src/modules/staff/service"
import { createStaffWorkflow } from "../src/workflows/staff"
import people from "./customers.json"
import loyaltyData from "./loyalty.json"
import { LOYALTY_MODULE } from "../src/modules/loyalty"
import type LoyaltyModuleService from "../src/modules/loyalty/service"
import productData from "./products.json"
import storeData from "./stores.json"

type Logger = { info: (msg: string) => void }

export type SeedResult = {
  sales_channels: Record<string, string>
  publishable_keys: Record<string, string>
  region_id: string
  locations: Record<string, string>
}

const COUNTRY = catalog.region.countries[0]

export default async function seed({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await seedDemoData(container, logger)
  await seedDemoSegments(container)
  logger.info("Seed: segments ready (Segments page in the admin)")
  await seedDemoHistory(container)
}

/**
 * The segments a merchant starts from (the demo's Segments page): the
 * everyday ones and Shopify's eleven RFM groups, each a customer group.
 * Not part of seedDemoData: the tests build the segments they check.
 */
export async function seedDemoSegments(container: MedusaContainer) {
  const engagement: any = container.resolve(ENGAGEMENT_MODULE)
  const existing = new Set((await engagement.listSegments({}, { select: ["handle"], take: null })).map((s: any) => s.handle))
  const definitions = [
    { name: "Bought in the last 30 days", rule: "recent_buyers", params: { days: 30 } },
    { name: "Lapsed (90 days)", rule: "lapsed", params: { days: 90 } },
    { name: "Top 10 % by spend", rule: "high_value", params: { top_percent: 10 } },
    { name: "Omnichannel shoppers", rule: "omnichannel", params: { days: 365, min_channels: 2 } },
    { name: "Cart abandoners", rule: "cart_abandoners", params: { idle_hours: 4, within_days: 30 } },
    { name: "Subscribers", rule: "subscribers", params: {} },
    { name: "Account holders", rule: "account_holders", params: {} },
    ...RFM_GROUPS.map((group) => ({
      name: `RFM: ${group.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase())}`,
      rule: "rfm",
      params: { group },
    })),
  ]
  for (const d of definitions) {
    const handle = handleOf(d.name)
    if (existing.has(handle)) continue
    await createSegmentWorkflow(container).run({ input: { ...d, handle } as any })
  }
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

async function seedSalesChannels(container: MedusaContainer) {
  const service = container.resolve(Modules.SALES_CHANNEL)
  const names = catalog.sales_channels.map((c) => c.name)
  const existing = await service.listSalesChannels({ name: names })
  const missing = catalog.sales_channels.filter(
    (c) => !existing.some((e) => e.name === c.name)
  )
  if (missing.length) {
    await createSalesChannelsWorkflow(container).run({
      input: {
        salesChannelsData: missing.map((c) => ({ name: c.name, description: c.description })),
      },
    })
  }
  const all = await service.listSalesChannels({ name: names })
  return Object.fromEntries(all.map((c) => [c.name, c.id])) as Record<string, string>
}

async function seedPublishableKeys(
  container: MedusaContainer,
  salesChannels: Record<string, string>
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const keys: Record<string, string> = {}

  for (const channel of catalog.sales_channels) {
    const { data: found } = await query.graph({
      entity: "api_key",
      fields: ["id", "token", "sales_channels.id"],
      filters: { title: channel.key_title, type: "publishable" },
    })
    let key = found[0]
    if (!key) {
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: channel.key_title, type: "publishable", created_by: "seed" }] },
      })
      key = { ...result[0], sales_channels: [] } as any
    }
    const channelId = salesChannels[channel.name]
    if (!(key.sales_channels ?? []).some((sc: any) => sc?.id === channelId)) {
      await linkSalesChannelsToApiKeyWorkflow(container).run({
        input: { id: key.id, add: [channelId] },
      })
    }
    keys[channel.name] = key.token
  }
  return keys
}

async function seedRegionAndTax(container: MedusaContainer) {
  const regionService = container.resolve(Modules.REGION)
  let [region] = await regionService.listRegions({ name: catalog.region.name })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: { regions: [catalog.region] },
    })
    region = result[0]
  } else {
    // EU prices include VAT: a database seeded before the region's price
    // preference existed gets it (Medusa's own update; the same value is a no-op).
    const pricing = container.resolve(Modules.PRICING)
    const [pref] = await pricing.listPricePreferences({ attribute: "region_id", value: [region.id] })
    if (!pref || pref.is_tax_inclusive !== catalog.region.is_tax_inclusive) {
      await updateRegionsWorkflow(container).run({
        input: { selector: { id: region.id }, update: { is_tax_inclusive: catalog.region.is_tax_inclusive } },
      })
    }
  }

  const taxService = container.resolve(Modules.TAX)
  const taxRegions = await taxService.listTaxRegions({
    country_code: catalog.tax.country_code,
    parent_id: null,
  } as any)
  if (!taxRegions.length) {
    await createTaxRegionsWorkflow(container).run({
      input: [
        {
          country_code: catalog.tax.country_code,
          provider_id: "tp_system",
          default_tax_rate: {
            name: catalog.tax.name,
            rate: catalog.tax.rate,
            code: catalog.tax.code,
          },
        },
      ],
    })
  }
  return region.id
}

async function seedStoreSettings(
  container: MedusaContainer,
  salesChannels: Record<string, string>,
  regionId: string
) {
  const storeService = container.resolve(Modules.STORE)
  const [store] = await storeService.listStores({}, { relations: ["supported_currencies"] })
  const defaultChannel = catalog.sales_channels.find((c) => c.default)!.name
  // Prices without a region rule follow the currency's preference: tax-inclusive as the region.
  const hasCurrency = (store.supported_currencies ?? []).some(
    (c) =>
      c.currency_code === catalog.region.currency_code &&
      c.is_default &&
      !!c.is_tax_inclusive === catalog.region.is_tax_inclusive
  )
  if (
    store.name !== catalog.store_name ||
    !hasCurrency ||
    store.default_sales_channel_id !== salesChannels[defaultChannel] ||
    store.default_region_id !== regionId
  ) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: catalog.store_name,
          supported_currencies: [
            { currency_code: catalog.region.currency_code, is_default: true, is_tax_inclusive: catalog.region.is_tax_inclusive },
          ],
          default_sales_channel_id: salesChannels[defaultChannel],
          default_region_id: regionId,
        },
      },
    })
  }
}

async function seedShippingProfile(container: MedusaContainer) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (profile) {
    return profile.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: catalog.shipping_profile, type: "default" }] },
  })
  return result[0].id
}

type LocationSpec = {
  handle: string
  name: string
  address: Record<string, string>
  channels: string[]
}

function locationSpecs(): LocationSpec[] {
  const allChannels = catalog.sales_channels.map((c) => c.name)
  return [
    ...storeData.stores.map((s) => ({
      handle: s.handle,
      name: s.name,
      address: s.address,
      channels: allChannels,
    })),
    {
      handle: storeData.warehouse.handle,
      name: storeData.warehouse.name,
      address: storeData.warehouse.address,
      // The warehouse ships online orders; it has no till.
      channels: allChannels.filter((c) => c !== "In-store"),
    },
  ]
}

async function seedLocations(
  container: MedusaContainer,
  salesChannels: Record<string, string>
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const specs = locationSpecs()
  const locations: Record<string, string> = {}

  for (const spec of specs) {
    const { data: found } = await query.graph({
      entity: "stock_location",
      fields: ["id", "sales_channels.id", "fulfillment_providers.id"],
      filters: { name: spec.name },
    })
    let location: any = found[0]
    if (!location) {
      const { result } = await createStockLocationsWorkflow(container).run({
        input: {
          locations: [
            {
              name: spec.name,
              address: spec.address as any,
              metadata: { handle: spec.handle },
            },
          ],
        },
      })
      location = { ...result[0], sales_channels: [], fulfillment_providers: [] }
    }

    const linkedChannels = new Set((location.sales_channels ?? []).map((c: any) => c?.id))
    const toLink = spec.channels.map((n) => salesChannels[n]).filter((id) => !linkedChannels.has(id))
    if (toLink.length) {
      await linkSalesChannelsToStockLocationWorkflow(container).run({
        input: { id: location.id, add: toLink },
      })
    }
    if (!(location.fulfillment_providers ?? []).some((p: any) => p?.id === "manual_manual")) {
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
    }
    locations[spec.handle] = location.id
  }
  return locations
}

/** The warehouse gets a "shipping" fulfillment set with the delivery options. */
async function seedFulfillment(
  container: MedusaContainer,
  locations: Record<string, string>,
  shippingProfileId: string,
  regionId: string
) {
  await ensureFulfillmentSetWithOptions(container, {
    locationId: locations[storeData.warehouse.handle],
    setName: `${storeData.warehouse.name} delivery`,
    type: "shipping",
    options: catalog.delivery_options.map((o) => ({
      name: o.name,
      type: { label: o.name, description: o.description, code: o.code },
      prices: [
        { currency_code: catalog.region.currency_code, amount: o.amount },
        { region_id: regionId, amount: o.amount },
      ],
    })),
    shippingProfileId,
  })
}

async function ensureFulfillmentSetWithOptions(
  container: MedusaContainer,
  input: {
    locationId: string
    setName: string
    type: "shipping"
    options: { name: string; type: { label: string; description: string; code: string }; prices: any[] }[]
    shippingProfileId: string
  }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillment = container.resolve(Modules.FULFILLMENT)

  const findSet = async () => {
    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["fulfillment_sets.id", "fulfillment_sets.name", "fulfillment_sets.type"],
      filters: { id: input.locationId },
    })
    return (data[0]?.fulfillment_sets ?? []).find((s: any) => s?.type === input.type)
  }

  let set = await findSet()
  if (!set) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: {
        location_id: input.locationId,
        fulfillment_set_data: { name: input.setName, type: input.type },
      },
    })
    set = await findSet()
  }

  let [zone] = await fulfillment.listServiceZones({ fulfillment_set: { id: set.id } } as any)
  if (!zone) {
    const { result } = await createServiceZonesWorkflow(container).run({
      input: {
        data: [
          {
            fulfillment_set_id: set.id,
            name: input.setName,
            geo_zones: [{ type: "country", country_code: COUNTRY }],
          },
        ],
      },
    })
    zone = result[0]
  }

  const existing = await fulfillment.listShippingOptions({ service_zone_id: zone.id } as any)
  const missing = input.options.filter((o) => !existing.some((e) => e.name === o.name))
  if (missing.length) {
    await createShippingOptionsWorkflow(container).run({
      input: missing.map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: zone.id,
        shipping_profile_id: input.shippingProfileId,
        type: o.type,
        prices: o.prices,
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }
}

async function seedPickupSettings(container: MedusaContainer, locations: Record<string, string>) {
  for (const store of storeData.stores) {
    await upsertPickupStoreWorkflow(container).run({
      input: { location_id: locations[store.handle], ...(store.pickup as any) },
    })
  }
}

async function seedProducts(
  container: MedusaContainer,
  salesChannels: Record<string, string>,
  shippingProfileId: string
) {
  const productService = container.resolve(Modules.PRODUCT)

  const categoryNames = [...new Set(productData.products.map((p) => p.category))]
  const existingCategories = await productService.listProductCategories({ name: categoryNames })
  const missingCategories = categoryNames.filter(
    (n) => !existingCategories.some((c) => c.name === n)
  )
  if (missingCategories.length) {
    await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missingCategories.map((name) => ({ name, is_active: true })) },
    })
  }
  const categories = await productService.listProductCategories({ name: categoryNames })
  const categoryId = Object.fromEntries(categories.map((c) => [c.name, c.id]))

  const handles = productData.products.map((p) => p.handle)
  const existing = await productService.listProducts({ handle: handles })
  const missing = productData.products.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (!missing.length) {
    return
  }

  await createProductsWorkflow(container).run({
    input: {
      products: missing.map((p) => ({
        title: p.title,
        handle: p.handle,
        description: p.description,
        weight: p.weight,
        status: ProductStatus.PUBLISHED,
        shipping_profile_id: shippingProfileId,
        category_ids: [categoryId[p.category]],
        options: p.options,
        // The merchant's order (data/products.json): Medusa keeps no order of its own for
        // variants or option values created here, so storefronts read it from variant_rank.
        variants: p.variants.map((v, rank) => ({
          title: v.title,
          sku: v.sku,
          variant_rank: rank,
          options: v.options,
          manage_inventory: true,
          prices: [{ amount: v.price, currency_code: productData.currency_code }],
        })),
        sales_channels: Object.values(salesChannels).map((id) => ({ id })),
      })),
    },
  })
}

async function seedStock(container: MedusaContainer, locations: Record<string, string>) {
  const inventory = container.resolve(Modules.INVENTORY)
  const skus = productData.products.flatMap((p) => p.variants.map((v) => v.sku))
  const items = await inventory.listInventoryItems({ sku: skus })
  const itemBySku = new Map(items.map((i) => [i.sku, i.id]))
  const levels = await inventory.listInventoryLevels({ inventory_item_id: items.map((i) => i.id) })
  const hasLevel = new Set(levels.map((l) => `${l.inventory_item_id}:${l.location_id}`))

  const missing: { inventory_item_id: string; location_id: string; stocked_quantity: number }[] = []
  for (const product of productData.products) {
    for (const variant of product.variants) {
      const itemId = itemBySku.get(variant.sku)
      if (!itemId) {
        throw new Error(`Seed: no inventory item for sku ${variant.sku}`)
      }
      for (const [handle, quantity] of Object.entries(variant.stock)) {
        const locationId = locations[handle]
        if (!hasLevel.has(`${itemId}:${locationId}`)) {
          missing.push({ inventory_item_id: itemId, location_id: locationId, stocked_quantity: quantity as number })
        }
      }
    }
  }
  if (missing.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: missing } })
  }
}

/** Finds the emailpass identity of an email, registering it when absent. */
async function ensureEmailpassIdentity(container: MedusaContainer, email: string, password: string) {
  const auth = container.resolve(Modules.AUTH)
  const [providerIdentity] = await auth.listProviderIdentities(
    { entity_id: email, provider: "emailpass" },
    { relations: ["auth_identity"] }
  )
  if (providerIdentity?.auth_identity) {
    return providerIdentity.auth_identity
  }
  const { success, authIdentity, error } = await auth.register("emailpass", {
    body: { email, password },
  } as any)
  if (!success || !authIdentity) {
    throw new Error(`Seed: could not register ${email}: ${error}`)
  }
  return authIdentity
}

async function seedCustomers(container: MedusaContainer) {
  const customerService = container.resolve(Modules.CUSTOMER)
  for (const c of people.customers) {
    const [existing] = await customerService.listCustomers({ email: c.email, has_account: true })
    if (existing) {
      continue
    }
    const identity = await ensureEmailpassIdentity(container, c.email, c.password)
    await createCustomerAccountWorkflow(container).run({
      input: {
        authIdentityId: identity.id,
        customerData: { email: c.email, first_name: c.first_name, last_name: c.last_name, phone: c.phone },
      },
    })
  }
}

/** The loyalty program (once: a merchant's later changes are kept). */
async function seedLoyaltyProgram(container: MedusaContainer) {
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [existing] = await service.listLoyaltyPrograms({}, { take: 1 })
  if (!existing) {
    await service.createLoyaltyPrograms(loyaltyData.program as any)
  }
}

/** Pickup-desk staff, each assigned to their stores (same workflow as POST /admin/pickup-staff). */
async function seedStaff(container: MedusaContainer, locations: Record<string, string>) {
  const service: StaffModuleService = container.resolve(STAFF_MODULE)
  for (const s of people.staff) {
    const [existing] = await service.listStaffMembers({ email: s.email })
    if (existing) {
      continue
    }
    await createStaffWorkflow(container).run({
      input: {
        email: s.email,
        password: s.password,
        first_name: s.first_name,
        last_name: s.last_name,
        location_ids: s.stores.map((handle) => locations[handle]),
      },
    })
  }
}

async function seedAdmin(container: MedusaContainer) {
  const userService = container.resolve(Modules.USER)
  const { admin } = people
  const [existing] = await userService.listUsers({ email: admin.email })
  if (existing) {
    return
  }
  const identity = await ensureEmailpassIdentity(container, admin.email, admin.password)
  await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId: identity.id,
      userData: { email: admin.email, first_name: admin.first_name, last_name: admin.last_name },
    },
  })
}
