import type { StoreCustomerLoyaltyResponse, StorePickupSlot, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useCallback, useEffect, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { CART_FIELDS, useShop } from "../shop"
import { errorText, FieldError, hoursToday, money, when } from "../ui"
import { Totals } from "./Cart"

type Errors = Partial<Record<"contact" | "store" | "slot" | "proxy" | "delivery" | "points" | "place", string>>

/** The next `n` calendar days in a zone, from a given instant (YYYY-MM-DD). */
function days(from: string | null, timeZone: string, n = 7) {
  const start = from ? new Date(from) : new Date()
  return Array.from({ length: n }, (_, i) =>
    new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(new Date(start.getTime() + i * 86_400_000))
  )
}
const dayLabel = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`))

export function CheckoutPage() {
  const { sdk, omni, cart, setCart, refreshCart, customer, origin, myStore, region } = useShop()
  const navigate = useNavigate()
  const [mode, setMode] = useState<"pickup" | "delivery">("pickup")
  const [contact, setContact] = useState({ email: "", first_name: "", last_name: "", phone: "" })
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)

  // Pickup
  const [stores, setStores] = useState<StorePickupStore[] | null>(null)
  const [storeId, setStoreId] = useState<string | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [slots, setSlots] = useState<StorePickupSlot[] | null>(null)
  const [slot, setSlot] = useState<string | null>(null)
  const [proxy, setProxy] = useState({ on: false, name: "", email: "", phone: "" })
  // Bumped when a store refused the cart (its stock is read again) or a slot filled (the day's slots are).
  const [stockVersion, setStockVersion] = useState(0)
  const [slotsVersion, setSlotsVersion] = useState(0)
  // Delivery
  const [address, setAddress] = useState({ address_1: "", postal_code: "", city: "" })
  const [options, setOptions] = useState<any[] | null>(null)
  const [optionId, setOptionId] = useState<string | null>(null)
  // Points
  const [loyalty, setLoyalty] = useState<StoreCustomerLoyaltyResponse["loyalty"] | null>(null)
  const [points, setPoints] = useState("")
  const [applied, setApplied] = useState<{ points: number; amount: number } | null>(null)

  const store = stores?.find((s) => s.id === storeId) ?? null
  const currency = cart?.currency_code ?? region?.currency_code ?? "eur"
  const fail = (key: keyof Errors, e: unknown) => setErrors((prev) => ({ ...prev, [key]: errorText(e) }))
  /** "Not enough stock at X for SKU: requested 2, available 1; …" in the shopper's words, with the items' names. */
  const soldOut = (e: unknown) => {
    const text = errorText(e)
    const m = text.match(/^Not enough stock at (.+?) for (.+)$/)
    if (!m) return fail("store", e)
    const names = m[2].split("; ").map((part) => {
      const [, sku, requested, available] = part.match(/^(.+): requested (\d+), available (\d+)$/) ?? []
      const item = (cart?.items ?? []).find((i: any) => i.variant_sku === sku || i.variant?.sku === sku)
      const name = item ? `${item.product_title} (${item.variant_title})` : sku ?? part
      return Number(available) > 0 ? `only ${available} of ${requested} × ${name}` : `no ${name}`
    })
    setErrors((prev) => ({ ...prev, store: `${m[1]} has ${names.join(", ")} left now: choose another store, or change your cart.` }))
  }
  /** A slot that filled since it was shown: say so plainly and show the day's slots as they are now. */
  const slotTaken = (e: unknown) => {
    const full = /is full/.test(errorText(e))
    setErrors((prev) => ({ ...prev, slot: full ? "Someone just took the last place at that time: please choose another." : errorText(e) }))
    if (full) {
      setSlot(null)
      setSlotsVersion((v) => v + 1)
    }
  }

  useEffect(() => {
    if (customer) setContact((c) => ({ email: c.email || customer.email, first_name: c.first_name || customer.first_name || "", last_name: c.last_name || customer.last_name || "", phone: c.phone || customer.phone || "" }))
  }, [customer])

  // Stores with what each can supply of this cart, nearest first.
  const itemsKey = (cart?.items ?? []).map((i: any) => `${i.variant_id}:${i.quantity}`).join(",")
  useEffect(() => {
    if (!cart?.id || mode !== "pickup") return
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
  }, [omni, cart?.id, itemsKey, mode, origin?.lat, origin?.lng, stockVersion])

  // A store that takes pickups in slots: its days from the earliest pickup, and each day's slots.
  useEffect(() => {
    setSlot(null)
    setSlots(null)
    if (!store?.slots) return setDate(null)
    setDate((d) => d ?? days(store.next_pickup_at, store.timezone)[0])
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

  useEffect(() => {
    if (!customer) return setLoyalty(null)
    omni.customer.loyalty({ limit: 1 }).then(({ loyalty }) => setLoyalty(loyalty)).catch(() => setLoyalty(null))
  }, [omni, customer])

  const loadOptions = useCallback(async () => {
    const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
    setOptions(shipping_options.filter((o: any) => o.service_zone?.fulfillment_set?.type !== "pickup"))
  }, [sdk, cart?.id])

  const saveAddress = async () => {
    setErrors((e) => ({ ...e, delivery: undefined }))
    try {
      await sdk.store.cart.update(cart.id, {
        email: contact.email || undefined,
        shipping_address: { ...address, country_code: "fr", first_name: contact.first_name, last_name: contact.last_name, phone: contact.phone },
      })
      await loadOptions()
    } catch (e) {
      fail("delivery", e)
    }
  }

  const applyPoints = async () => {
    setErrors((e) => ({ ...e, points: undefined }))
    const n = Number(points)
    if (!Number.isInteger(n) || n <= 0) return setErrors((e) => ({ ...e, points: "Enter a whole number of points." }))
    try {
      const { loyalty: result } = await omni.cart.applyPoints(cart.id, { points: n })
      setApplied({ points: n, amount: result.amount })
      await refreshCart()
    } catch (e) {
      fail("points", e)
    }
  }
  const removePoints = async () => {
    try {
      await omni.cart.removePoints(cart.id)
      setApplied(null)
      setPoints("")
      await refreshCart()
    } catch (e) {
      fail("points", e)
    }
  }

  const place = async () => {
    setErrors({})
    if (!contact.email || !/^\S+@\S+\.\S+$/.test(contact.email)) return setErrors({ contact: "Enter the email address we send your order to." })
    if (!contact.first_name || !contact.last_name) return setErrors({ contact: "Enter your first and last name." })
    setBusy(true)
    try {
      // 1. Contact, and where the order goes (a pickup: the store's address).
      if (mode === "pickup") {
        if (!store) return setErrors({ store: "Choose a store." })
        if (store.slots && !slot) return setErrors({ slot: "Choose a pickup time." })
        if (proxy.on && !proxy.name.trim()) return setErrors({ proxy: "Enter the name of who collects." })
        try {
          await sdk.store.cart.update(cart.id, {
            email: contact.email,
            shipping_address: {
              first_name: contact.first_name,
              last_name: contact.last_name,
              phone: contact.phone || undefined,
              address_1: store.address.address_1 ?? "",
              postal_code: store.address.postal_code ?? "",
              city: store.address.city ?? "",
              country_code: store.address.country_code ?? "fr",
            },
          })
        } catch (e) {
          return fail("contact", e)
        }
        try {
          await omni.cart.setPickup(cart.id, {
            location_id: store.id,
            slot_start: slot,
            pickup_person: proxy.on ? { name: proxy.name.trim(), email: proxy.email.trim() || null, phone: proxy.phone.trim() || null } : null,
          })
        } catch (e) {
          const text = errorText(e)
          if (/slot/i.test(text)) return slotTaken(e)
          if (/pickup_person/.test(text)) return fail("proxy", e)
          setStockVersion((v) => v + 1)
          return soldOut(e)
        }
      } else {
        if (!address.address_1.trim() || !address.postal_code.trim() || !address.city.trim()) return setErrors({ delivery: "Enter the delivery address." })
        if (!optionId) return setErrors({ delivery: "Choose a delivery option." })
        try {
          // A store chosen earlier (a failed pickup attempt) is let go; the address typed now is the one shipped to.
          await omni.cart.removePickup(cart.id).catch(() => {})
          await sdk.store.cart.update(cart.id, {
            email: contact.email,
            shipping_address: { ...address, country_code: "fr", first_name: contact.first_name, last_name: contact.last_name, phone: contact.phone || undefined },
          })
          await sdk.store.cart.addShippingMethod(cart.id, { option_id: optionId })
        } catch (e) {
          return fail("delivery", e)
        }
      }
      // 2. Payment (Medusa's system provider in the demo) and the order.
      const { cart: fresh } = await sdk.store.cart.retrieve(cart.id, { fields: CART_FIELDS })
      setCart(fresh)
      await sdk.store.payment.initiatePaymentSession(fresh, { provider_id: "pp_system_default" })
      let result: any
      try {
        result = await sdk.store.cart.complete(cart.id)
      } catch (e) {
        // No answer (a dropped connection): the order may exist. Asking again
        // is safe: a completed cart answers with its order.
        if ((e as { status?: number }).status) throw e
        result = await sdk.store.cart.complete(cart.id)
      }
      if (result.type !== "order") return setErrors({ place: result.error?.message ?? "The order could not be placed." })
      setCart(null)
      navigate(`/orders/${result.order.id}`)
    } catch (e) {
      const text = errorText(e)
      // A store that sold out meanwhile, or a slot filled meanwhile: say it where it was chosen.
      if (/^Cannot redeem/.test(text)) fail("points", e)
      else if (mode === "pickup" && /slot/i.test(text)) slotTaken(e)
      else if (mode === "pickup" && store && (text.includes(store.name) || /stock|available/i.test(text))) {
        soldOut(e)
        setStockVersion((v) => v + 1)
      } else fail("place", e)
      await refreshCart()
    } finally {
      setBusy(false)
    }
  }

  if (!cart?.items?.length) {
    return (
      <section className="page">
        <h1>Checkout</h1>
        <p>Your cart is empty. <Link to="/">Browse the shop</Link></p>
      </section>
    )
  }

  const pointValue = loyalty?.redemption.point_values[currency] ?? null
  return (
    <section className="page checkout">
      <h1>Checkout</h1>
      <div className="checkout-layout">
        <div>
          <fieldset className="card">
            <legend>Your details</legend>
            <div className="row">
              <label className="field">
                First name
                <input autoComplete="given-name" value={contact.first_name} onChange={(e) => setContact({ ...contact, first_name: e.target.value })} />
              </label>
              <label className="field">
                Last name
                <input autoComplete="family-name" value={contact.last_name} onChange={(e) => setContact({ ...contact, last_name: e.target.value })} />
              </label>
            </div>
            <label className="field">
              Email
              <input type="email" autoComplete="email" value={contact.email} onChange={(e) => setContact({ ...contact, email: e.target.value })} />
            </label>
            <label className="field">
              Phone (optional)
              <input type="tel" autoComplete="tel" value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.target.value })} />
            </label>
            <FieldError>{errors.contact}</FieldError>
            {!customer && (
              <p className="muted">
                <Link to="/account">Log in</Link> to collect points and pay with them.
              </p>
            )}
          </fieldset>

          <fieldset className="card">
            <legend>How do you want it?</legend>
            <div className="segmented" role="radiogroup" aria-label="Pickup or delivery">
              <label className={mode === "pickup" ? "on" : ""}>
                <input type="radio" name="mode" checked={mode === "pickup"} onChange={() => (setMode("pickup"), setOptionId(null))} /> Pick up in store · free
              </label>
              <label className={mode === "delivery" ? "on" : ""}>
                <input type="radio" name="mode" checked={mode === "delivery"} onChange={() => (setMode("delivery"), setOptions(null), setOptionId(null))} /> Delivery
              </label>
            </div>

            {mode === "pickup" && (
              <>
                <p className="hint">Stores nearest {origin ? "you" : "first by name"}, with what each has of your cart right now.</p>
                {!stores && <p aria-busy="true">Checking the stores…</p>}
                <div role="radiogroup" aria-label="Store" className="store-choices">
                  {(stores ?? []).map((s) => {
                    const all = s.availability?.all_available
                    const missing = (s.availability?.items ?? []).filter((i) => i.available < i.requested)
                    return (
                      <label key={s.id} className={`store-choice${s.id === storeId ? " on" : ""}${all ? "" : " unavailable"}`} data-store={s.name}>
                        <input type="radio" name="store" checked={s.id === storeId} disabled={!all} onChange={() => (setStoreId(s.id), setErrors({}))} />
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
                                  const item = cart.items.find((i: any) => i.variant_id === m.variant_id)
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
                    <div className="slot-grid" role="radiogroup" aria-label="Time">
                      {(slots ?? []).map((sl) => {
                        const label = new Intl.DateTimeFormat("en-GB", { timeZone: store.timezone, hour: "2-digit", minute: "2-digit" }).format(new Date(sl.start))
                        return (
                          <label key={sl.start} className={`chip${slot === sl.start ? " chip-on" : ""}${sl.available ? "" : " full"}`}>
                            <input type="radio" name="slot" disabled={!sl.available} checked={slot === sl.start} onChange={() => (setSlot(sl.start), setErrors({}))} />
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
            )}

            {mode === "delivery" && (
              <div className="delivery">
                <label className="field">
                  Address
                  <input autoComplete="address-line1" value={address.address_1} onChange={(e) => (setAddress({ ...address, address_1: e.target.value }), setOptionId(null))} />
                </label>
                <div className="row">
                  <label className="field">
                    Postcode
                    <input autoComplete="postal-code" value={address.postal_code} onChange={(e) => (setAddress({ ...address, postal_code: e.target.value }), setOptionId(null))} />
                  </label>
                  <label className="field">
                    City
                    <input autoComplete="address-level2" value={address.city} onChange={(e) => (setAddress({ ...address, city: e.target.value }), setOptionId(null))} />
                  </label>
                </div>
                <button type="button" onClick={saveAddress}>
                  Show delivery options
                </button>
                <div role="radiogroup" aria-label="Delivery option">
                  {(options ?? []).map((o) => (
                    <label key={o.id} className={`store-choice${o.id === optionId ? " on" : ""}`}>
                      <input type="radio" name="option" checked={o.id === optionId} onChange={() => setOptionId(o.id)} />
                      <span>
                        <strong>{o.name}</strong> · {money(o.calculated_price?.calculated_amount ?? o.amount, currency)}
                      </span>
                    </label>
                  ))}
                </div>
                <FieldError>{errors.delivery}</FieldError>
              </div>
            )}
          </fieldset>

          {loyalty && loyalty.redemption.enabled && (
            <fieldset className="card points">
              <legend>Pay with points</legend>
              <p>
                You have <strong data-testid="points-available">{loyalty.available.toLocaleString("en-GB")}</strong> points
                {pointValue != null && <> (worth {money(loyalty.available * pointValue, currency)})</>}
                {loyalty.pending > 0 && <span className="muted"> · {loyalty.pending} pending</span>}.
              </p>
              <p className="hint">
                {pointValue != null && <>1 point = {money(pointValue, currency)}. </>}
                At least {loyalty.redemption.min_points} points, up to {Math.round(loyalty.redemption.max_share * 100)} % of the order.
              </p>
              {applied || Number(cart.credit_line_total) > 0 ? (
                <p role="status">
                  {applied ? `${applied.points} points pay ${money(applied.amount, currency)}.` : `Points pay ${money(cart.credit_line_total, currency)}.`}{" "}
                  <button type="button" className="link" onClick={removePoints}>
                    Remove
                  </button>
                </p>
              ) : (
                <div className="row end">
                  <label className="field">
                    Points to use
                    <input inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value.replace(/\D/g, ""))} aria-describedby="points-error" />
                  </label>
                  <button type="button" onClick={applyPoints}>
                    Use points
                  </button>
                </div>
              )}
              <FieldError id="points-error">{errors.points}</FieldError>
            </fieldset>
          )}
        </div>

        <aside className="card summary" aria-label="Order summary">
          <h2>Summary</h2>
          <ul className="summary-lines">
            {cart.items.map((i: any) => (
              <li key={i.id}>
                {i.quantity} × {i.product_title} <span className="muted">{i.variant_title}</span>
              </li>
            ))}
          </ul>
          <Totals cart={cart} />
          <button className="primary wide" onClick={place} disabled={busy}>
            {busy ? "Placing your order…" : "Place order"}
          </button>
          <FieldError>{errors.place}</FieldError>
        </aside>
      </div>
    </section>
  )
}
