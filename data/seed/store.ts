/** The store itself: sales channels and their publishable keys, region, tax, store settings. */
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  updateRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import catalog from "../catalog.json"

export async function seedSalesChannels(container: MedusaContainer) {
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

export async function seedPublishableKeys(
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

export async function seedRegionAndTax(container: MedusaContainer) {
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

export async function seedStoreSettings(
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
