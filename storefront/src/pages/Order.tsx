import type { StoreCustomerPickup, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useCallback, useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { useShop } from "../shop"
import { errorText, FieldError, money, STATUS_LABEL, WEEKDAYS, when } from "../ui"
import { Totals } from "./Cart"

const STEPS = ["placed", "preparing", "ready", "collected"] as const

export function OrderPage() {
  const { id } = useParams()
  const { sdk, omni, customer } = useShop()
  const [order, setOrder] = useState<any | null>(null)
  const [pickup, setPickup] = useState<StoreCustomerPickup | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [arriveError, setArriveError] = useState<string | null>(null)
  const [note, setNote] = useState("")

  const load = useCallback(async () => {
    try {
      const { order } = await sdk.store.order.retrieve(id!, {
        fields: "id,display_id,email,created_at,currency_code,total,subtotal,item_subtotal,tax_total,shipping_total,discount_total,credit_line_total,*items,*shipping_methods,*shipping_address",
      })
      setOrder(order)
      if (customer) {
        // The pickup (and its code) is shown only to its own customer.
        const { pickups } = await omni.customer.pickups({ order_id: id!, limit: 1 })
        setPickup(pickups[0] ?? null)
      }
      setError(null)
    } catch (e) {
      // A refresh that fails (a poor connection in the car park) keeps what
      // is on screen, the code included; the next one tries again.
      setError(errorText(e))
    }
  }, [sdk, omni, id, customer])

  useEffect(() => {
    load()
    const t = setInterval(load, 15_000)
    return () => clearInterval(t)
  }, [load])

  const arrived = async () => {
    setArriveError(null)
    try {
      const { pickup: updated } = await omni.customer.arrived(pickup!.id, note.trim() ? { note: note.trim() } : {})
      setPickup(updated)
    } catch (e) {
      setArriveError(errorText(e))
    }
  }

  if (!order && error) return <p className="page field-error" role="alert">{error}</p>
  if (!order) return <p className="page" aria-busy="true">Loading…</p>
  const store = pickup?.store as StorePickupStore | undefined
  const isPickup = !!pickup || (order.shipping_methods ?? []).some((m: any) => /pick ?up/i.test(m.name))
  const stepIndex = pickup ? STEPS.indexOf((pickup.status === "partially_ready" ? "ready" : pickup.status) as any) : -1
  const ready = pickup && (pickup.status === "ready" || pickup.status === "partially_ready")
  return (
    <section className="page order">
      <h1>Order #{order.display_id}</h1>
      {error && <p className="field-error" role="status">Couldn't refresh: {error}</p>}
      <p className="lead">Thank you{order.shipping_address?.first_name ? `, ${order.shipping_address.first_name}` : ""}. A confirmation is on its way to {order.email}.</p>

      {pickup && store && "name" in store && (
        <div className="card pickup-card">
          <h2>
            Pickup at {store.name} · <span className={`status status-${pickup.status}`} data-testid="pickup-status">{STATUS_LABEL[pickup.status]}</span>
          </h2>
          {stepIndex >= 0 && (
            <ol className="steps" aria-label="Progress">
              {STEPS.map((s, i) => (
                <li key={s} className={i <= stepIndex ? "done" : ""} aria-current={i === stepIndex ? "step" : undefined}>
                  {STATUS_LABEL[s]}
                </li>
              ))}
            </ol>
          )}
          {pickup.status !== "collected" && pickup.status !== "canceled" && pickup.status !== "expired" && (
            <div className="code-box">
              <div>
                <p className="muted">Show this at the pickup desk</p>
                <p className="code" data-testid="pickup-code" aria-hidden="true">
                  {pickup.code}
                </p>
                <p className="sr-only">Pickup code, letter by letter: {pickup.code.split("").join(" ")}</p>
                {pickup.pickup_person && <p>Collected by <strong>{pickup.pickup_person.name}</strong> (the code is shared with them).</p>}
              </div>
              {pickup.qr && <img src={pickup.qr} alt="Pickup code as a QR code" width={160} height={160} />}
            </div>
          )}
          <dl className="facts">
            <dt>{pickup.slot ? "Your slot" : "Ready by"}</dt>
            <dd>{pickup.slot ? `${when(pickup.slot.start, store.timezone)}${pickup.slot.end ? `–${when(pickup.slot.end, store.timezone).split(" ").pop()}` : ""}` : when(pickup.ready_by, store.timezone)}</dd>
            {pickup.expires_at && (
              <>
                <dt>Kept until</dt>
                <dd>{when(pickup.expires_at, store.timezone)}</dd>
              </>
            )}
            <dt>Address</dt>
            <dd>
              {store.address.address_1}, {store.address.postal_code} {store.address.city}
            </dd>
            <dt>Hours</dt>
            <dd>
              <ul className="hours">
                {WEEKDAYS.map((d) => (
                  <li key={d}>
                    <span>{d[0].toUpperCase() + d.slice(1)}</span> {(store.hours as any)[d]?.length ? (store.hours as any)[d].map((r: string[]) => r.join("–")).join(", ") : "closed"}
                  </li>
                ))}
              </ul>
            </dd>
            {store.instructions && (
              <>
                <dt>Where</dt>
                <dd>{store.instructions}</dd>
              </>
            )}
            {store.phone && (
              <>
                <dt>Phone</dt>
                <dd>
                  <a href={`tel:${store.phone}`}>{store.phone}</a>
                </dd>
              </>
            )}
          </dl>
          {pickup.rejected_items?.length > 0 && (
            <p className="notice">Some items couldn't be prepared and won't be charged: {pickup.rejected_items.map((r: any) => `${r.quantity} × ${r.title ?? r.line_item_id} (${r.reason})`).join(", ")}.</p>
          )}
          {ready && store.curbside && !pickup.arrived_at && (
            <div className="arrive">
              <label className="field">
                Where are you parked? (optional)
                <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. grey Clio, bay 3" />
              </label>
              <button className="primary" onClick={arrived}>
                I'm here
              </button>
              <FieldError>{arriveError}</FieldError>
            </div>
          )}
          {pickup.arrived_at && <p role="status" className="notice">We know you're here: someone is on the way.</p>}
        </div>
      )}
      {isPickup && !pickup && (
        <p className="notice">
          {customer ? "Your pickup is being set up…" : <>Your pickup code is in the confirmation email. <Link to="/account">Log in</Link> to see it here.</>}
        </p>
      )}

      <div className="card">
        <h2>Items</h2>
        <ul className="summary-lines">
          {(order.items ?? []).map((i: any) => (
            <li key={i.id}>
              {i.quantity} × {i.product_title} <span className="muted">{i.variant_title}</span> · {money(i.subtotal ?? i.unit_price * i.quantity, order.currency_code)}
            </li>
          ))}
        </ul>
        <Totals cart={order} />
        {!isPickup && order.shipping_address && (
          <p className="muted">
            Delivery to {order.shipping_address.address_1}, {order.shipping_address.postal_code} {order.shipping_address.city}
          </p>
        )}
      </div>
      <p>
        <Link to="/account">Your orders and points</Link> · <Link to="/">Continue shopping</Link>
      </p>
    </section>
  )
}
