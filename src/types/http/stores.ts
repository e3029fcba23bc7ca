/** Pickup stores and their slots: GET /store/pickup-stores, /:id, /:id/slots. */
import type { Closure, WeeklyHours } from "../../modules/pickup/types"
import type { StoreDateTime } from "./common"

export type StoreItemAvailability = { variant_id: string; requested: number; available: number }

export type StorePickupStore = {
  /** the stock location's id */
  id: string
  name: string
  address: {
    address_1: string | null
    address_2: string | null
    city: string | null
    postal_code: string | null
    province: string | null
    country_code: string | null
  }
  latitude: number | null
  longitude: number | null
  /** IANA zone of the store's hours and times */
  timezone: string
  distance_km: number | null
  open_now: boolean
  hours_today: { date: string; ranges: [string, string][]; closure: string | null }
  hours: WeeklyHours
  /** earliest time an order placed now can be ready */
  next_pickup_at: StoreDateTime | null
  instructions: string | null
  curbside: boolean
  phone: string | null
  email: string | null
  /** horizon_days: how many days ahead a slot may be booked */
  slots: { minutes: number; capacity: number; horizon_days: number } | null
  hold_days: number
  /** with `cart_id` or `variant_ids`: what this store can supply */
  availability?: { all_available: boolean; items: StoreItemAvailability[] }
}

export type StoreListPickupStoresResponse = {
  stores: StorePickupStore[]
  count: number
  /** where distances are measured from (lat/lng, or the postal code placed); null without either */
  origin: { latitude: number; longitude: number } | null
  limit: number
  offset: number
}
export type StoreRetrievePickupStoreResponse = { store: StorePickupStore }

export type StorePickupSlot = {
  start: StoreDateTime
  end: StoreDateTime
  capacity: number
  remaining: number
  available: boolean
}
export type StoreGetSlotsResponse = {
  date: string
  timezone: string
  closure: Closure | null
  slots: StorePickupSlot[]
}
