import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { retrieveCart } from "../../../lib/carts"
import { RequestedItem, storeAvailability } from "../../../lib/availability"
import { distanceKm } from "../../../lib/geo"
import { geocoderNamed } from "../../../lib/geocoders"
import { MedusaError } from "@medusajs/framework/utils"
import { presentStore } from "../../../lib/present"
import { listPickupStoresForChannels } from "../../../lib/stores"
import type { StoreListPickupStoresType } from "../validators"
import { omnichannelRoute } from "../../utils/own-errors"
import type { StoreListPickupStoresResponse } from "../../../types/http"
import { omnichannelOptions } from "../../../lib/plugin-options"

/**
 * Store locator: pickup-enabled stores of the request's sales channel (the
 * publishable key's, or the cart's), filtered by distance and text, nearest
 * first, with per-store availability of a cart or of given variants.
 */
export const GET = omnichannelRoute(async (req: MedusaStoreRequest<unknown, StoreListPickupStoresType>, res: MedusaResponse) => {
  const q = req.validatedQuery as StoreListPickupStoresType
  const now = new Date()

  let channelIds: string[] = req.publishable_key_context?.sales_channel_ids ?? []
  let requested: RequestedItem[] | null = null
  if (q.cart_id) {
    const cart = await retrieveCart(req.scope, q.cart_id, ["id", "sales_channel_id", "items.variant_id", "items.quantity"])
    channelIds = [cart.sales_channel_id!]
    requested = (cart.items ?? [])
      .flatMap((i) => (i?.variant_id ? [{ variant_id: i.variant_id, quantity: Number(i.quantity) }] : []))
  } else if (q.variant_ids) {
    requested = q.variant_ids.map((variant_id, i) => ({ variant_id, quantity: q.quantities?.[i] ?? 1 }))
  }

  // A shopper who typed a postal code: placed by the app's geocoder (plugin
  // option `geocoder`, offline), so the storefront needs no geocoding service.
  let origin: { latitude: number; longitude: number } | null = q.lat !== undefined ? { latitude: q.lat, longitude: q.lng! } : null
  if (q.postal_code !== undefined) {
    const geocoder = geocoderNamed(omnichannelOptions(req.scope).geocoder)
    origin = geocoder?.geocode({ postal_code: q.postal_code, country_code: q.country_code ?? "fr" }) ?? null
    if (!origin) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No place known for the postal code ${q.postal_code} (${q.country_code ?? "fr"})`)
    }
  }

  let stores = (await listPickupStoresForChannels(req.scope, channelIds)).map((store) => ({
    store,
    distance:
      origin && store.latitude !== null && store.longitude !== null
        ? distanceKm(origin.latitude, origin.longitude, store.latitude, store.longitude)
        : null,
  }))

  if (q.radius_km !== undefined) {
    stores = stores.filter((s) => s.distance !== null && s.distance <= q.radius_km!)
  }
  if (q.q) {
    const needle = q.q.toLowerCase()
    stores = stores.filter(({ store }) => {
      const a = store.stock_location.address ?? {}
      return [store.stock_location.name, a.city, a.postal_code, a.address_1]
        .some((v) => typeof v === "string" && v.toLowerCase().includes(needle))
    })
  }
  stores.sort((a, b) =>
    a.distance !== null && b.distance !== null
      ? a.distance - b.distance
      : a.store.stock_location.name.localeCompare(b.store.stock_location.name)
  )

  const page = stores.slice(q.offset, q.offset + q.limit)
  const availability = requested
    ? await storeAvailability(req.scope, page.map((s) => s.store), requested)
    : null

  res.json({
    stores: page.map(({ store, distance }) =>
      presentStore(store, now, {
        distance_km: distance === null ? null : Math.round(distance * 100) / 100,
        availability: availability?.get(store.location_id),
      })
    ),
    count: stores.length,
    origin,
    limit: q.limit,
    offset: q.offset,
  } satisfies StoreListPickupStoresResponse)
})
