/** Locations (stores and warehouse), their fulfillment, and the stores' pickup settings. */
import {
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { upsertPickupStoreWorkflow } from "../../src/workflows"
import catalog from "../catalog.json"
import storeData from "../stores.json"

const COUNTRY = catalog.region.countries[0]

export async function seedShippingProfile(container: MedusaContainer) {
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

export async function seedLocations(
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
export async function seedFulfillment(
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

export async function seedPickupSettings(container: MedusaContainer, locations: Record<string, string>) {
  for (const store of storeData.stores) {
    await upsertPickupStoreWorkflow(container).run({
      input: { location_id: locations[store.handle], ...(store.pickup as any) },
    })
  }
}
