import type { MedusaContainer, StockLocationAddressDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService } from "../types/modules"
import type { Closure, WeeklyHours } from "../modules/pickup/types"
import { cachedSettings } from "./settings-cache"

export type PickupStoreRecord = {
  id: string
  location_id: string
  enabled: boolean
  latitude: number | null
  longitude: number | null
  timezone: string
  hours: WeeklyHours
  closures: Closure[]
  lead_time_minutes: number
  slot_minutes: number
  slot_capacity: number
  /** days ahead a slot may be booked */
  slot_horizon_days: number
  /** effective: the store's own, else the plugin's defaultHoldDays */
  hold_days: number
  safety_stock: number
  instructions: string | null
  curbside: boolean
  phone: string | null
  email: string | null
  stock_location: {
    id: string
    name: string
    address: Partial<StockLocationAddressDTO> | null
    sales_channels?: { id: string }[]
  }
}

const FIELDS = [
  "*",
  "stock_location.id",
  "stock_location.name",
  "stock_location.address.*",
]

/**
 * Pickup-enabled stores whose location sells in one of `salesChannelIds`:
 * the locator's directory (a chain's every store, with its location and
 * address), from the cached settings (lib/settings-cache.ts). Display only:
 * a checkout reads its store live.
 */
export async function listPickupStoresForChannels(
  container: MedusaContainer,
  salesChannelIds: string[]
): Promise<PickupStoreRecord[]> {
  if (!salesChannelIds.length) {
    return []
  }
  return cachedSettings(container, `stores:${[...salesChannelIds].sort().join(",")}`, () => readPickupStoresForChannels(container, salesChannelIds))
}

async function readPickupStoresForChannels(container: MedusaContainer, salesChannelIds: string[]): Promise<PickupStoreRecord[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: channels } = await query.graph({
    entity: "sales_channel",
    fields: ["id", "stock_locations.id"],
    filters: { id: salesChannelIds },
  })
  const locationIds = [
    ...new Set(channels.flatMap((c) => (c.stock_locations ?? []).flatMap((l: { id: string } | null) => (l?.id ? [l.id] : [])))),
  ]
  if (!locationIds.length) {
    return []
  }
  const { data } = await query.graph({
    entity: "pickup_store",
    fields: FIELDS,
    filters: { enabled: true, location_id: locationIds },
  })
  return withHoldDays(container, (data as unknown as PickupStoreRecord[]).filter((s) => s.stock_location))
}

/** A store without a hold of its own holds ready orders for the plugin's default. */
function withHoldDays<S extends { hold_days?: number | null }>(container: MedusaContainer, stores: S[]): (S & { hold_days: number })[] {
  const service = container.resolve<IPickupModuleService>(PICKUP_MODULE)
  return stores.map((s) => (s.hold_days == null ? { ...s, hold_days: service.holdDaysFor(s) } : (s as S & { hold_days: number })))
}

/**
 * Whether a store takes pickups for a shopper of one of `salesChannelIds`:
 * 400 when pickup is off there (no settings, or disabled) or the store's
 * location doesn't sell in that channel. One rule for the store pages, the
 * choice of a store and the checkout.
 */
export function assertPickupOffered(
  name: string,
  store: { enabled: boolean } | null | undefined,
  locationChannelIds: string[],
  salesChannelIds: (string | null | undefined)[]
): void {
  if (!store?.enabled) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Pickup is not offered at ${name}`)
  }
  if (!salesChannelIds.some((id) => !!id && locationChannelIds.includes(id))) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${name} does not sell in this sales channel`)
  }
}

/**
 * One store as seen by a shopper of `salesChannelId`: 404 when the location or
 * its settings don't exist, 400 when pickup is off there or the store doesn't
 * sell in that channel.
 */
export async function retrievePickupStoreForChannel(
  container: MedusaContainer,
  locationId: string,
  salesChannelIds: string[]
): Promise<PickupStoreRecord> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "pickup_store",
    fields: [...FIELDS, "stock_location.sales_channels.id"],
    filters: { location_id: locationId },
  })
  const store = data[0] as unknown as PickupStoreRecord | undefined
  if (!store?.stock_location) {
    const { data: locations } = await query.graph({
      entity: "stock_location",
      fields: ["id", "name"],
      filters: { id: locationId },
    })
    if (!locations.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Store ${locationId} was not found`)
    }
    assertPickupOffered(locations[0].name, null, [], salesChannelIds)
  }
  const channels = (store!.stock_location.sales_channels ?? []).map((c) => c?.id)
  assertPickupOffered(store!.stock_location.name, store, channels, salesChannelIds)
  return withHoldDays(container, [store!])[0]
}

export type CheckoutStore = Omit<PickupStoreRecord, "stock_location">

/**
 * What a checkout needs of the store at `locationId` (its pickup settings,
 * with the effective hold, and the channels its location sells in), read
 * with two direct calls side by side: the checkout already has the store's
 * name, so it skips the linked read of the location and its address.
 */
export async function readCheckoutStore(
  container: MedusaContainer,
  locationId: string
): Promise<{ store: CheckoutStore | null; channel_ids: string[] }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [[store], { data: links }] = await Promise.all([
    container.resolve<IPickupModuleService>(PICKUP_MODULE).listPickupStores({ location_id: locationId }),
    query.graph({
      entity: "sales_channel_location",
      fields: ["sales_channel_id"],
      filters: { stock_location_id: locationId },
    }),
  ])
  return {
    store: store ? (withHoldDays(container, [store])[0] as CheckoutStore) : null,
    channel_ids: links.map((l) => l.sales_channel_id),
  }
}
