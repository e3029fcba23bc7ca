import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService, IRoutingModuleService } from "../types/modules"
import { ROUTING_MODULE } from "../modules/routing"
import { choosePolicy } from "../modules/routing/service"
import type { RoutingRule } from "../modules/routing/types"
import type { LocationRoutingView } from "../types/http"
import type { Geocoder } from "./geocoders"
import { cachedSettings, readCachedSettings, settingsSlot, writeCachedSettings } from "./settings-cache"
import type { Destination, RoutingLocation } from "./routing"

export type ShippingLocation = RoutingLocation & { name: string; safety_stock: number; kind: "store" | "warehouse" }

export type { LocationRoutingView }

/**
 * Every stock location with its routing settings as they apply: a location
 * with pickup store settings is a store (ships only when set to), any other a
 * warehouse (ships unless set not to). Coordinates: the routing record's, else
 * the pickup store's. `locationIds` limits the list (a channel's locations).
 */
export async function listLocationRouting(container: MedusaContainer, locationIds?: string[]): Promise<LocationRoutingView[]> {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const filter = locationIds ? { id: locationIds } : {}
  const [locations, stores, settings] = await Promise.all([
    stockLocations.listStockLocations(filter, { select: ["id", "name"], take: null }),
    container
      .resolve<IPickupModuleService>(PICKUP_MODULE)
      .listPickupStores(locationIds ? { location_id: locationIds } : {}, { select: ["location_id", "latitude", "longitude"], take: null }),
    container
      .resolve<IRoutingModuleService>(ROUTING_MODULE)
      .listRoutingLocations(locationIds ? { location_id: locationIds } : {}, { take: null }),
  ])
  const storeOf = new Map(stores.map((s) => [s.location_id, s]))
  const settingOf = new Map(settings.map((s) => [s.location_id, s]))
  return locations
    .map((l) => {
      const store = storeOf.get(l.id)
      const setting = settingOf.get(l.id)
      const kind: "store" | "warehouse" = store ? "store" : "warehouse"
      const shipsSetting = setting?.ships ?? null
      return {
        location_id: l.id,
        name: l.name,
        kind,
        ships_setting: shipsSetting,
        ships: shipsSetting ?? kind === "warehouse",
        safety_stock: setting?.safety_stock ?? 0,
        latitude: setting?.latitude ?? store?.latitude ?? null,
        longitude: setting?.longitude ?? store?.longitude ?? null,
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

type PolicyRow = { scope: string; enabled: boolean; rules: RoutingRule[]; priority: string[] }

/** The routing policy that applies to a channel: its own, else the default; null when none or disabled. */
export async function routingPolicyFor(container: MedusaContainer, salesChannelId: string | null): Promise<PolicyRow | null> {
  // Every delivery completion asks: cached (lib/settings-cache.ts).
  const policies = await cachedSettings(container, "routing-policies", async () =>
    (await container.resolve<IRoutingModuleService>(ROUTING_MODULE).listRoutingPolicies({}, { take: null })).map(
      (p): PolicyRow => ({ scope: p.scope, enabled: p.enabled, rules: p.rules as RoutingRule[], priority: p.priority as string[] })
    )
  )
  return choosePolicy(policies, salesChannelId)
}

/** How `locationIds` route, from the cached settings; a location they don't know yet has everything read again. */
async function locationRoutingOf(container: MedusaContainer, locationIds: string[]): Promise<LocationRoutingView[]> {
  const slot = await settingsSlot(container, "routing-locations")
  let all = await readCachedSettings<LocationRoutingView[]>(slot)
  let byId = new Map((all ?? []).map((l) => [l.location_id, l]))
  if (!all || locationIds.some((id) => !byId.has(id))) {
    all = await listLocationRouting(container)
    await writeCachedSettings(slot, all)
    byId = new Map(all.map((l) => [l.location_id, l]))
  }
  return locationIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
}

/**
 * The locations of a sales channel that ship and hold some of
 * `inventoryItemIds`, each with the units it can ship of them: stocked −
 * reserved − its shipping safety stock. The levels are read live (this runs
 * under the checkout's locks); the channel's locations and their settings
 * come from the cached settings.
 */
export async function loadShippingLocations(
  container: MedusaContainer,
  salesChannelId: string | null,
  inventoryItemIds: string[]
): Promise<ShippingLocation[]> {
  if (!salesChannelId || !inventoryItemIds.length) return []
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels(
    { inventory_item_id: inventoryItemIds },
    { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"], take: null }
  )
  const byLocation = new Map<string, Map<string, number>>()
  for (const l of levels) {
    const free = MathBN.sub(l.stocked_quantity, l.reserved_quantity).toNumber()
    if (free <= 0) continue
    if (!byLocation.has(l.location_id)) byLocation.set(l.location_id, new Map())
    byLocation.get(l.location_id)!.set(l.inventory_item_id, free)
  }
  if (!byLocation.size) return []
  // Of those, the ones selling in the channel: a setting too, cached with
  // every location then known, so a location created since is a miss.
  const slot = await settingsSlot(container, `channel-locations:${salesChannelId}`)
  let channel = await readCachedSettings<{ members: string[]; known: string[] }>(slot)
  const known = new Set(channel?.known ?? [])
  if (!channel || [...byLocation.keys()].some((id) => !known.has(id))) {
    const [{ data: links }, all] = await Promise.all([
      container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "sales_channel_location",
        fields: ["stock_location_id"],
        filters: { sales_channel_id: salesChannelId },
      }),
      container.resolve(Modules.STOCK_LOCATION).listStockLocations({}, { select: ["id"], take: null }),
    ])
    channel = { members: (links as { stock_location_id: string }[]).map((l) => l.stock_location_id), known: all.map((l) => l.id) }
    await writeCachedSettings(slot, channel)
  }
  const members = new Set(channel.members)
  const inChannel = [...byLocation.keys()].filter((id) => members.has(id))
  const shipping = (await locationRoutingOf(container, inChannel)).filter((l) => l.ships)
  return shipping.map((l) => {
    const free = new Map<string, number>()
    for (const [item, n] of byLocation.get(l.location_id) ?? []) free.set(item, n - l.safety_stock)
    return {
      id: l.location_id,
      name: l.name,
      kind: l.kind,
      safety_stock: l.safety_stock,
      latitude: l.latitude,
      longitude: l.longitude,
      free,
    }
  })
}

type AddressLike = {
  metadata?: Record<string, unknown> | null
  postal_code?: string | null
  city?: string | null
  country_code?: string | null
} | null | undefined

/**
 * Where a delivery goes, for `nearest`: the coordinates a storefront put in
 * the shipping address's metadata (`latitude`/`longitude`, or `lat`/`lng`),
 * else what the configured geocoder makes of the address (plugin option
 * `geocoder`). Null without either: `nearest` is then skipped and the next
 * rule decides.
 */
export function destinationOf(address: AddressLike, geocoder: Geocoder | null = null): Destination {
  const m = address?.metadata ?? null
  if (m && (m.latitude != null || m.lat != null)) {
    const lat = Number(m.latitude ?? m.lat)
    const lng = Number(m.longitude ?? m.lng)
    if (Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
      return { latitude: lat, longitude: lng }
    }
  }
  return address && geocoder ? geocoder.geocode(address) : null
}
