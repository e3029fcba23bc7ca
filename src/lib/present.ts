import type { StoreAvailability } from "./availability"
import { roundCoord } from "./geo"
import { closureOn, isOpenAt, localDate, nextPickupAt, rangesOn, toStoreIso } from "./hours"
import type { PickupStoreRecord } from "./stores"
import type { StorePickupStore } from "../types/http"

/** A store as the Store API shows it to shoppers. */
export function presentStore(
  store: PickupStoreRecord,
  now: Date,
  extra: { distance_km?: number | null; availability?: StoreAvailability } = {}
): StorePickupStore {
  const address = store.stock_location.address ?? {}
  const today = localDate(now, store.timezone)
  const next = nextPickupAt(store, now, store.lead_time_minutes)
  const closure = closureOn(store, today)
  return {
    id: store.location_id,
    name: store.stock_location.name,
    address: {
      address_1: address.address_1 ?? null,
      address_2: address.address_2 ?? null,
      city: address.city ?? null,
      postal_code: address.postal_code ?? null,
      province: address.province ?? null,
      country_code: address.country_code ?? null,
    },
    latitude: roundCoord(store.latitude),
    longitude: roundCoord(store.longitude),
    timezone: store.timezone,
    distance_km: extra.distance_km ?? null,
    open_now: isOpenAt(store, now),
    hours_today: { date: today, ranges: rangesOn(store, today), closure: closure?.label ?? (closure ? "Closed" : null) },
    hours: store.hours,
    next_pickup_at: next ? toStoreIso(next, store.timezone) : null,
    instructions: store.instructions,
    curbside: store.curbside,
    phone: store.phone,
    email: store.email,
    slots:
      store.slot_minutes > 0
        ? { minutes: store.slot_minutes, capacity: store.slot_capacity, horizon_days: store.slot_horizon_days ?? 30 }
        : null,
    hold_days: store.hold_days,
    ...(extra.availability ? { availability: extra.availability } : {}),
  }
}
