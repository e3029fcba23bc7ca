import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { roundCoord } from "../../../lib/geo"

// Settings a location has before a merchant configures it: pickup off.
const DEFAULT_SETTINGS = {
  enabled: false,
  latitude: null,
  longitude: null,
  timezone: "UTC",
  hours: {},
  closures: [],
  lead_time_minutes: 0,
  slot_minutes: 0,
  slot_capacity: 0,
  slot_horizon_days: 30,
  hold_days: null, // the plugin's defaultHoldDays
  safety_stock: 0,
  instructions: null,
  curbside: false,
  phone: null,
  email: null,
}

const SETTINGS_FIELDS = ["location_id", ...Object.keys(DEFAULT_SETTINGS)]
const LOCATION_FIELDS = ["id", "name", "address.*"]

type Location = { id: string; name: string; address?: Record<string, unknown> | null }

function toAdminPickupStore(location: Location, settings?: Record<string, unknown>) {
  const { location_id: _ignored, ...rest } = settings ?? {}
  if (settings) {
    rest.latitude = roundCoord(rest.latitude as number | null)
    rest.longitude = roundCoord(rest.longitude as number | null)
  }
  return {
    location_id: location.id,
    name: location.name,
    address: location.address ?? null,
    configured: !!settings,
    ...DEFAULT_SETTINGS,
    ...rest,
  }
}

export async function listAdminPickupStores(
  container: MedusaContainer,
  { limit, offset, enabled }: { limit: number; offset: number; enabled?: boolean }
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  // Filtering by `enabled` starts from the settings; otherwise every location
  // is listed so a merchant can turn pickup on for any of them.
  if (enabled !== undefined) {
    const { data: settings, metadata } = await query.graph({
      entity: "pickup_store",
      fields: [...SETTINGS_FIELDS, ...LOCATION_FIELDS.map((f) => `stock_location.${f}`)],
      filters: { enabled },
      pagination: { skip: offset, take: limit, order: { created_at: "ASC" } },
    })
    return {
      // A setting whose location is gone is left out.
      stores: settings.flatMap(({ stock_location, ...rest }) => (stock_location ? [toAdminPickupStore(stock_location, rest)] : [])),
      count: metadata?.count ?? settings.length,
    }
  }

  const { data: locations, metadata } = await query.graph({
    entity: "stock_location",
    fields: LOCATION_FIELDS,
    pagination: { skip: offset, take: limit, order: { name: "ASC" } },
  })
  const { data: settings } = locations.length
    ? await query.graph({
        entity: "pickup_store",
        fields: SETTINGS_FIELDS,
        filters: { location_id: locations.map((l: Location) => l.id) },
      })
    : { data: [] }
  const byLocation = new Map<string, Record<string, unknown>>(settings.map((s) => [s.location_id, s] as [string, Record<string, unknown>]))

  return {
    stores: locations.map((l: Location) => toAdminPickupStore(l, byLocation.get(l.id))),
    count: metadata?.count ?? locations.length,
  }
}

export async function retrieveAdminPickupStore(container: MedusaContainer, locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: locations } = await query.graph({
    entity: "stock_location",
    fields: LOCATION_FIELDS,
    filters: { id: locationId },
  })
  if (!locations.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Stock location with id: ${locationId} was not found`
    )
  }
  const { data: settings } = await query.graph({
    entity: "pickup_store",
    fields: SETTINGS_FIELDS,
    filters: { location_id: locationId },
  })
  return toAdminPickupStore(locations[0], settings[0])
}
