import type { Destination } from "../routing"
import { FR_POSTAL_CODES } from "./fr-postal-codes.data"

export type GeocodeAddress = { postal_code?: string | null; city?: string | null; country_code?: string | null }

/**
 * Turns a shipping address into coordinates for the `nearest` routing rule,
 * when the storefront gave none. Synchronous and offline by design: it runs
 * at checkout under the stock locks, where a network call would hold them.
 * Null when it can't place the address (then `nearest` is skipped).
 */
export interface Geocoder {
  geocode(address: GeocodeAddress): Destination
}

let frTable: Map<string, [number, number]> | null = null

/**
 * France by postal code, from a table shipped with the plugin (6,069 codes:
 * La Poste's postal codes placed at their communes' GeoNames coordinates, else
 * their département's centre; scripts/generate-fr-postal-codes.mjs).
 */
export const frPostalCodeGeocoder: Geocoder = {
  geocode(address) {
    if ((address.country_code ?? "").toLowerCase() !== "fr") return null
    const code = (address.postal_code ?? "").replace(/\s+/g, "")
    if (!/^\d{5}$/.test(code)) return null
    frTable ??= new Map(
      FR_POSTAL_CODES.split(";").map((row) => {
        const [c, at] = row.split(":")
        const [lat, lng] = at.split(",").map(Number)
        return [c, [lat, lng] as [number, number]]
      })
    )
    const at = frTable.get(code)
    return at ? { latitude: at[0], longitude: at[1] } : null
  },
}

export const GEOCODERS = { "fr-postal-codes": frPostalCodeGeocoder, none: null } as const
export type GeocoderName = keyof typeof GEOCODERS

export function geocoderNamed(name: GeocoderName): Geocoder | null {
  return GEOCODERS[name]
}
