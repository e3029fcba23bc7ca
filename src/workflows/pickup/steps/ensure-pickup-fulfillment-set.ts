import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type EnsurePickupFulfillmentSetInput = {
  location_id: string
  location_name: string
  country_code?: string | null
}

export type EnsurePickupFulfillmentSetOutput = {
  service_zone_id: string
  /** Present when the zone has no shipping option yet: what to create. */
  shipping_option: null | {
    name: string
    service_zone_id: string
    shipping_profile_id: string
    prices: ({ currency_code: string; amount: number } | { region_id: string; amount: number })[]
  }
}

type Compensation = { fulfillment_set_id?: string; provider_link?: boolean; location_id: string }

export const ensurePickupFulfillmentSetStepId = "ensure-pickup-fulfillment-set"

/**
 * Gives a location Medusa's own pickup set-up: the manual fulfillment
 * provider, a fulfillment set of type "pickup" with a service zone, and tells
 * the workflow whether a "Pick up at <store>" shipping option must be created.
 * Creates only what is missing; the compensation removes what it created.
 */
export const ensurePickupFulfillmentSetStep = createStep(
  ensurePickupFulfillmentSetStepId,
  async (input: EnsurePickupFulfillmentSetInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const compensation: Compensation = { location_id: input.location_id }

    const { data: [location] } = await query.graph({
      entity: "stock_location",
      fields: ["id", "fulfillment_providers.id", "fulfillment_sets.id", "fulfillment_sets.type"],
      filters: { id: input.location_id },
    })

    const { fulfillment_providers, fulfillment_sets } = location as {
      fulfillment_providers?: ({ id: string } | null)[] | null
      fulfillment_sets?: { id: string; type: string }[] | null
    }
    if (!(fulfillment_providers ?? []).some((p) => p?.id === "manual_manual")) {
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: input.location_id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
      compensation.provider_link = true
    }

    const country = (input.country_code ?? "").toLowerCase()
    let set = (fulfillment_sets ?? []).find((s) => s?.type === "pickup")
    let zoneId: string
    if (!set) {
      const created = await fulfillment.createFulfillmentSets({
        name: `${input.location_name} pickup`,
        type: "pickup",
        service_zones: [
          {
            name: input.location_name,
            geo_zones: country ? [{ type: "country", country_code: country }] : [],
          },
        ],
      })
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: input.location_id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: created.id },
      })
      compensation.fulfillment_set_id = created.id
      zoneId = created.service_zones[0].id
    } else {
      const zones = await fulfillment.listServiceZones({ fulfillment_set: { id: set.id } })
      if (zones.length) {
        zoneId = zones[0].id
      } else {
        const [zone] = await fulfillment.createServiceZones([
          {
            fulfillment_set_id: set.id,
            name: input.location_name,
            geo_zones: country ? [{ type: "country", country_code: country }] : [],
          },
        ])
        zoneId = zone.id
      }
    }

    const options = await fulfillment.listShippingOptions({ service_zone: { id: zoneId } })
    if (options.length) {
      return new StepResponse<EnsurePickupFulfillmentSetOutput, Compensation>(
        { service_zone_id: zoneId, shipping_option: null },
        compensation
      )
    }

    // Free pickup in every region (and currency) the shop sells in.
    const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
    const regions = await container.resolve(Modules.REGION).listRegions({}, { select: ["id", "currency_code"] })
    const currencies = [...new Set(regions.map((r) => r.currency_code))]
    return new StepResponse<EnsurePickupFulfillmentSetOutput, Compensation>(
      {
        service_zone_id: zoneId,
        shipping_option: {
          name: `Pick up at ${input.location_name}`,
          service_zone_id: zoneId,
          shipping_profile_id: profile?.id,
          prices: [
            ...currencies.map((currency_code) => ({ currency_code, amount: 0 })),
            ...regions.map((r) => ({ region_id: r.id, amount: 0 })),
          ],
        },
      },
      compensation
    )
  },
  async (compensation, { container }) => {
    if (!compensation) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (compensation.fulfillment_set_id) {
      await link.dismiss({
        [Modules.STOCK_LOCATION]: { stock_location_id: compensation.location_id },
        [Modules.FULFILLMENT]: { fulfillment_set_id: compensation.fulfillment_set_id },
      })
      await container.resolve(Modules.FULFILLMENT).deleteFulfillmentSets(compensation.fulfillment_set_id)
    }
    if (compensation.provider_link) {
      await link.dismiss({
        [Modules.STOCK_LOCATION]: { stock_location_id: compensation.location_id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
    }
  }
)
