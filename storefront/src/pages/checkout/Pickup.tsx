import type { StorePickupSlot, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { useShop } from "../../shop"
import { FieldError, hoursToday, when } from "../../ui"
import type { Errors, Fail } from "./errors"

/** The next `n` calendar days in a zone, from a given instant (YYYY-MM-DD). */
function days(from: string | null, timeZone: string, n = 7) {
  const start = from ? new Date(from) : new Date()
  return Array.from({ length: n }, (_, i) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(new Date(start.getTime() + i * 86_400_000))
  )
}
const dayLabel = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`))

/**
 * The slots API marks a slot unavailable when it is full (remaining 0) or when
 * it starts before the store's earliest pickup (its time has passed, or the
 * store's preparation time no longer fits). Only full ones are shown as such;
 * the others can never be chosen again, so they are left out.
 */
const shown = (slot: StorePickupSlot, now: number) => slot.available || (slot.remaining === 0 && new Date(slot.start).getTime() > now)

/** The pickup half of the checkout: the stores with the cart's stock, the day and slot, who collects. */
export function usePickup(active: boolean, fail: Fail) {
  const { omni, cart, origin, myStore } = useShop()
  const [stores, setStores] = useState<StorePickupStore[] | null>(null)
  const [storeId, setStoreId] = useState<string | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [slots, setSlots] = useState<StorePickupSlot[] | null>(null)
  const [slot, setSlot] = useState<string | null>(null)
  const [proxy, setProxy] = useState({ on: false, name: "", email: "", phone: "" })
  // Bumped when a store refused the cart (its stock is read again) or a slot filled (the day's slots are).
  const [stockVersion, setStockVersion] = useState(0)
  const [slotsVersion, setSlotsVersion] = useState(0)
  const store = stores?.find((s) => s.id === storeId) ?? null

  // Stores with what each can supply of this cart, nearest first.
  const itemsKey = (cart?.items ?? []).map((i: { variant_id: string; quantity: number }) => `${i.variant_id}:${i.quantity}`).join(",")
  useEffect(() => {
    if (!cart?.id || !active) return
    let stale = false
    omni.pickupStores
      .list({ cart_id: cart.id, ...(origin ?? {}), limit: 10 })
      .then(({ stores }) => {
        if (stale) return
        setStores(stores)
        setStoreId((id) => id ?? (stores.find((s) => s.id === myStore?.id && s.availability?.all_available) ?? stores.find((s) => s.availability?.all_available))?.id ?? null)
      })
      .catch((e) => !stale && fail("store", e))
    return () => {
      stale = true
    }
  }, [omni, cart?.id, itemsKey, active, origin?.lat, origin?.lng, stockVersion])

  // Another store: its own first pickup day (the last store's day may be closed here, or too early), no slot yet.
  useEffect(() => {
    setSlot(null)
    setSlots(null)
    setDate(store?.slots ? days(store.next_pickup_at, store.timezone)[0] : null)
  }, [store?.id])
  useEffect(() => {
    if (!store?.slots || !date) return
    // A slow answer for another store or day must not replace this one's.
    let stale = false
    omni.pickupStores
      .slots(store.id, { date })
      .then(({ slots }) => !stale && setSlots(slots))
      .catch((e) => !stale && fail("slot", e))
    return () => {
      stale = true
    }
  }, [omni, store?.id, date, slotsVersion])

  return {
    stores,
    store,
    storeId,
    setStoreId,
    date,
    setDate,
    slots,
    slot,
    setSlot,
    proxy,
    setProxy,
    reloadStock: () => setStockVersion((v) => v + 1),
    reloadSlots: () => setSlotsVersion((v) => v + 1),
  }
}
export type PickupState = ReturnType<typeof usePickup>

export function PickupChoice({ pickup, errors, clearErrors }: { pickup: PickupState; errors: Errors; clearErrors: () => void }) {
  const { cart, origin, position, myStore } = useShop()
  const { stores, store, storeId, setStoreId, date, setDate, slots, slot, setSlot, proxy, setProxy } = pickup
  const now = Date.now()
  const open = (slots ?? []).filter((sl) => shown(sl, now))
  // Where "nearest" is measured from (shop.tsx: the shopper's position, else their store), in words.
  const order = position
    ? "Stores nearest you first"
    : origin && myStore
      ? `Stores nearest ${myStore.name} first`
      : null
  return (
    <>
      {order ? (
        <p className="hint">{order}, with what each has of your cart right now.</p>
      ) : (
        <p className="hint">
          Stores by name, with what each has of your cart right now. <Link to="/stores">Share your location or search a postcode</Link> to see the nearest first.
        </p>
      )}
      {!stores && <p aria-busy="true">Checking the stores…</p>}
      <div role="radiogroup" aria-label="Store" className="store-choices">
        {(stores ?? []).map((s) => {
          const all = s.availability?.all_available
          const missing = (s.availability?.items ?? []).filter((i) => i.available < i.requested)
          return (
            <label key={s.id} className={`store-choice${s.id === storeId ? " on" : ""}${all ? "" : " unavailable"}`} data-store={s.name}>
              <input type="radio" name="store" checked={s.id === storeId} disabled={!all} onChange={() => (setStoreId(s.id), clearErrors())} />
              <span>
                <strong>{s.name}</strong>
                {s.distance_km != null && <span className="muted"> · {s.distance_km.toFixed(1)} km</span>}
                <br />
                {all ? (
                  <span className="in">All items in stock · ready {when(s.next_pickup_at, s.timezone)}</span>
                ) : (
                  <span className="out">
                    Not enough here:{" "}
                    {missing
                      .map((m) => {
                        const item = cart.items.find((i: { variant_id: string }) => i.variant_id === m.variant_id)
                        return `${item?.product_title ?? "item"} (${m.available} of ${m.requested})`
                      })
                      .join(", ")}
                  </span>
                )}
                <br />
                <span className="muted">{hoursToday(s)}</span>
              </span>
            </label>
          )
        })}
      </div>
      <FieldError>{errors.store}</FieldError>

      {store?.slots && (
        <div className="slots">
          <h3>Pickup time at {store.name}</h3>
          <div className="days" role="group" aria-label="Day">
            {days(store.next_pickup_at, store.timezone).map((d) => (
              <button type="button" key={d} className={d === date ? "chip chip-on" : "chip"} aria-pressed={d === date} onClick={() => (setDate(d), setSlot(null))}>
                {dayLabel(d)}
              </button>
            ))}
          </div>
          {slots && !slots.length && <p className="muted">No pickup that day: the store is closed.</p>}
          {slots && slots.length > 0 && !open.length && <p className="muted">No pickup that day any more: choose another day.</p>}
          <div className="slot-grid" role="radiogroup" aria-label="Time">
            {open.map((sl) => {
              const label = new Intl.DateTimeFormat("en-GB", { timeZone: store.timezone, hour: "2-digit", minute: "2-digit" }).format(new Date(sl.start))
              return (
                <label key={sl.start} className={`chip${slot === sl.start ? " chip-on" : ""}${sl.available ? "" : " full"}`}>
                  <input type="radio" name="slot" disabled={!sl.available} checked={slot === sl.start} onChange={() => (setSlot(sl.start), clearErrors())} />
                  {label}
                  {!sl.available && <span className="sr-only"> (full)</span>}
                </label>
              )
            })}
          </div>
          <FieldError>{errors.slot}</FieldError>
        </div>
      )}

      {store && (
        <div className="proxy">
          <label className="check">
            <input type="checkbox" checked={proxy.on} onChange={(e) => setProxy({ ...proxy, on: e.target.checked })} /> Someone else collects
          </label>
          {proxy.on && (
            <div className="row">
              <label className="field">
                Their name
                <input value={proxy.name} onChange={(e) => setProxy({ ...proxy, name: e.target.value })} />
              </label>
              <label className="field">
                Their email (optional)
                <input type="email" value={proxy.email} onChange={(e) => setProxy({ ...proxy, email: e.target.value })} />
              </label>
              <label className="field">
                Their phone (optional)
                <input type="tel" value={proxy.phone} onChange={(e) => setProxy({ ...proxy, phone: e.target.value })} />
              </label>
            </div>
          )}
          <FieldError>{errors.proxy}</FieldError>
          {store.curbside && <p className="hint">Curbside pickup: when you arrive, tap “I'm here” on your order page and we bring it out.</p>}
          {store.instructions && <p className="hint">{store.instructions}</p>}
        </div>
      )}
    </>
  )
}
