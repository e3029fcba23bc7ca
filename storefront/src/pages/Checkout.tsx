import { useEffect, useRef, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useShop } from "../shop"
import { errorText, FieldError, money } from "../ui"
import { DeliveryChoice, useDelivery, validEmail, type Contact } from "./checkout/Delivery"
import type { ErrorKey, Errors } from "./checkout/errors"
import { PickupChoice, usePickup } from "./checkout/Pickup"
import { PointsChoice } from "./checkout/Points"
import { CHECKOUT_FIELDS, Totals, useCartTotals } from "./checkout/Totals"

export function CheckoutPage() {
  const { sdk, omni, cart, setCart, customer } = useShop()
  const navigate = useNavigate()
  const [mode, setMode] = useState<"pickup" | "delivery">("pickup")
  const [contact, setContact] = useState<Contact>({ email: "", first_name: "", last_name: "", phone: "" })
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  // A pickup put on the cart by this page (a placing that failed after it): delivery lets it go first.
  const pickupChosen = useRef(false)
  useCartTotals()

  const fail = (key: ErrorKey, e: unknown) => setErrors((prev) => ({ ...prev, [key]: errorText(e) }))
  const clear = (key: ErrorKey) => () => setErrors((prev) => ({ ...prev, [key]: undefined }))
  /** Stops placing: what must be chosen or fixed first, shown where it belongs. */
  const stop = (shown: Errors) => {
    setErrors(shown)
    return false
  }
  const pickup = usePickup(mode === "pickup", fail)
  const delivery = useDelivery(contact, fail, clear("delivery"), pickupChosen)
  const { store, slot, proxy } = pickup

  /** The cart as Medusa has it now, with the summary's totals. */
  const reload = async () => {
    const { cart: fresh } = await sdk.store.cart.retrieve(cart.id, { fields: CHECKOUT_FIELDS })
    setCart(fresh)
    return fresh
  }

  /** "Not enough stock at X for SKU: requested 2, available 1; …" in the shopper's words, with the items' names. */
  const soldOut = (e: unknown) => {
    const text = errorText(e)
    const m = text.match(/^Not enough stock at (.+?) for (.+)$/)
    if (!m) return fail("store", e)
    const names = m[2].split("; ").map((part) => {
      const [, sku, requested, available] = part.match(/^(.+): requested (\d+), available (\d+)$/) ?? []
      const item = (cart?.items ?? []).find((i: { variant_sku?: string; variant?: { sku?: string } }) => i.variant_sku === sku || i.variant?.sku === sku)
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
      pickup.setSlot(null)
      pickup.reloadSlots()
    }
  }

  useEffect(() => {
    if (customer) setContact((c) => ({ email: c.email || customer.email, first_name: c.first_name || customer.first_name || "", last_name: c.last_name || customer.last_name || "", phone: c.phone || customer.phone || "" }))
  }, [customer])

  /** Where the order goes, on the cart: false when something must be chosen or fixed first (shown where it belongs). */
  const prepare = async () => {
    if (mode === "pickup") {
      if (!store) return stop({ store: "Choose a store." })
      if (store.slots && !slot) return stop({ slot: "Choose a pickup time." })
      if (proxy.on && !proxy.name.trim()) return stop({ proxy: "Enter the name of who collects." })
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
        fail("contact", e)
        return false
      }
      try {
        await omni.cart.setPickup(cart.id, {
          location_id: store.id,
          slot_start: slot,
          pickup_person: proxy.on ? { name: proxy.name.trim(), email: proxy.email.trim() || null, phone: proxy.phone.trim() || null } : null,
        })
        pickupChosen.current = true
      } catch (e) {
        const text = errorText(e)
        if (/slot/i.test(text)) slotTaken(e)
        else if (/pickup_person/.test(text)) fail("proxy", e)
        else {
          pickup.reloadStock()
          soldOut(e)
        }
        return false
      }
      return true
    }
    if (!delivery.filled) return stop({ delivery: "Enter the delivery address." })
    if (delivery.stale) {
      // Typed since the options were shown: read them for this address (the choice put back or let go), then let the shopper look.
      if (await delivery.showOptions()) setErrors({ delivery: "The address changed: check the delivery option and the total, then place the order again." })
      return false
    }
    if (!delivery.optionId) return stop({ delivery: "Choose a delivery option." })
    try {
      // The contact as typed now (the option and its price are on the cart already).
      await sdk.store.cart.update(cart.id, { email: contact.email, shipping_address: delivery.shippingAddress() })
    } catch (e) {
      fail("delivery", e)
      return false
    }
    return true
  }

  const place = async () => {
    setErrors({})
    if (!validEmail(contact.email)) return setErrors({ contact: "Enter the email address we send your order to." })
    if (!contact.first_name || !contact.last_name) return setErrors({ contact: "Enter your first and last name." })
    // What the summary shows as this click happens: the only total the order may be placed at.
    const shown = money(cart.total, cart.currency_code)
    setBusy(true)
    try {
      if (!(await prepare())) return
      // The cart as Medusa has it now: another tab, a price or a stock change may have moved its total.
      const fresh = await reload()
      if (mode === "delivery" && !(fresh.shipping_methods ?? []).some((m: { shipping_option_id?: string }) => m.shipping_option_id === delivery.optionId)) {
        delivery.setOptionId(null)
        return setErrors({ delivery: "Choose the delivery option again: it is no longer on your order." })
      }
      const now = money(fresh.total, fresh.currency_code)
      if (now !== shown) return setErrors({ place: `The total changed from ${shown} to ${now}: please check and place the order again.` })
      // Payment (Medusa's system provider in the demo) and the order.
      await sdk.store.payment.initiatePaymentSession(fresh, { provider_id: "pp_system_default" })
      let result: Awaited<ReturnType<typeof sdk.store.cart.complete>>
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
        pickup.reloadStock()
      } else fail("place", e)
      await reload().catch(() => {})
    } finally {
      setBusy(false)
    }
  }

  if (!cart?.items?.length) {
    return (
      <section className="page">
        <h1>Checkout</h1>
        <p>
          Your cart is empty. <Link to="/">Browse the shop</Link>
        </p>
      </section>
    )
  }

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
                <input type="radio" name="mode" checked={mode === "pickup"} onChange={() => setMode("pickup")} /> Pick up in store · free
              </label>
              <label className={mode === "delivery" ? "on" : ""}>
                <input type="radio" name="mode" checked={mode === "delivery"} onChange={() => setMode("delivery")} /> Delivery
              </label>
            </div>
            {mode === "pickup" ? (
              <PickupChoice pickup={pickup} errors={errors} clearErrors={() => setErrors({})} />
            ) : (
              <DeliveryChoice delivery={delivery} errors={errors} currency={cart.currency_code} />
            )}
          </fieldset>

          <PointsChoice errors={errors} fail={fail} clearError={clear("points")} reload={reload} />
        </div>

        <aside className="card summary" aria-label="Order summary">
          <h2>Summary</h2>
          <ul className="summary-lines">
            {cart.items.map((i: { id: string; quantity: number; product_title: string; variant_title: string }) => (
              <li key={i.id}>
                {i.quantity} × {i.product_title} <span className="muted">{i.variant_title}</span>
              </li>
            ))}
          </ul>
          <Totals cart={cart} />
          <button className="primary wide" onClick={place} disabled={busy || delivery.pending}>
            {busy ? "Placing your order…" : delivery.pending ? "Updating the total…" : "Place order"}
          </button>
          <FieldError>{errors.place}</FieldError>
        </aside>
      </div>
    </section>
  )
}
