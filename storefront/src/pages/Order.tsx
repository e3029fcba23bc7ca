import type { StoreCustomerPickup, StoreOrderProgress, StoreOrderShipment, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useCallback, useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { isNetworkError, withLastSeen } from "../lastSeen"
import { useShop } from "../shop"
import { errorText, FieldError, isOffline, money, OFFLINE_TEXT, OfflineNote, ORDER_STATE_LABEL, SHIPMENT_STATE_LABEL, shortDate, WEEKDAYS, when } from "../ui"
import { lineAmount, Totals } from "./Cart"
import { TOTALS_FIELDS } from "./checkout/Totals"
import "../status.css"

const STEPS = ["placed", "preparing", "ready", "collected"] as const
const ORDER_FIELDS = `id,display_id,email,created_at,currency_code,total,subtotal,item_subtotal,tax_total,shipping_total,discount_total,credit_line_total,*credit_lines,*items,*shipping_methods,*shipping_address,${TOTALS_FIELDS}`

/** Medusa's order (any, as its own Store API returns it), the pickup with its code, where it stands. */
type OrderView = { order: any; pickup: StoreCustomerPickup | null; progress: StoreOrderProgress | null }

export function OrderPage() {
  const { id } = useParams()
  const { sdk, omni, customer } = useShop()
  const [view, setView] = useState<OrderView | null>(null)
  const [asOf, setAsOf] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [arriveError, setArriveError] = useState<string | null>(null)
  const [note, setNote] = useState("")

  const load = useCallback(async () => {
    try {
      // Kept for the signed-in shopper: offline, the last answer (code included) with its time.
      const seen = await withLastSeen(customer?.id, `order:${id}`, async (): Promise<OrderView> => {
        const [{ order }, pickups, progress] = await Promise.all([
          sdk.store.order.retrieve(id!, { fields: ORDER_FIELDS }),
          // The pickup (and its code) is shown only to its own customer.
          customer ? omni.customer.pickups({ order_id: id!, limit: 1 }).then((r) => r.pickups) : Promise.resolve([]),
          // Without its progress the page still shows the order (and the pickup's own status).
          omni.orders.progress(id!).then(
            (r) => r.progress,
            (e) => {
              if (isNetworkError(e)) throw e
              return null
            }
          ),
        ])
        return { order, pickup: pickups[0] ?? null, progress }
      })
      setView(seen.data)
      setAsOf(seen.asOf)
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
    if (isOffline()) return setArriveError(OFFLINE_TEXT)
    try {
      const { pickup: updated } = await omni.customer.arrived(pickup!.id, note.trim() ? { note: note.trim() } : {})
      setView((v) => (v ? { ...v, pickup: updated } : v))
    } catch (e) {
      setArriveError(errorText(e))
    }
  }

  if (!view && error) return <p className="page field-error" role="alert">{error}</p>
  if (!view) return <p className="page" aria-busy="true">Loading…</p>
  const { order, pickup, progress } = view
  const store = pickup?.store as StorePickupStore | undefined
  const isPickup = progress ? progress.mode === "pickup" : !!pickup || (order.shipping_methods ?? []).some((m: any) => /pick ?up/i.test(m.name))
  const stepIndex = pickup ? STEPS.indexOf((pickup.status === "partially_ready" ? "ready" : pickup.status) as any) : -1
  const ready = pickup && (pickup.status === "ready" || pickup.status === "partially_ready")
  return (
    <section className="page order">
      <h1>Order #{order.display_id}</h1>
      <OfflineNote asOf={asOf} />
      {error && <p className="field-error" role="status">Couldn't refresh: {error}</p>}
      {/* A till sale was handed over at the store: no confirmation to wait for. */}
      {progress?.mode !== "in_store" && (
        <p className="lead">Thank you{order.shipping_address?.first_name ? `, ${order.shipping_address.first_name}` : ""}. A confirmation is on its way to {order.email}.</p>
      )}

      {pickup && store && "name" in store && (
        <div className="card pickup-card">
          <h2>
            Pickup at {store.name} · <span className={`status status-${pickup.status}`} data-testid="pickup-status">{ORDER_STATE_LABEL[pickup.status]}</span>
          </h2>
          {stepIndex >= 0 && (
            <ol className="steps" aria-label="Progress">
              {STEPS.map((s, i) => (
                <li key={s} className={i <= stepIndex ? "done" : ""} aria-current={i === stepIndex ? "step" : undefined}>
                  {ORDER_STATE_LABEL[s]}
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
                {pickup.pickup_person && <p>To be collected by <strong>{pickup.pickup_person.name}</strong> (the code is shared with them).</p>}
              </div>
              {pickup.qr && <img src={pickup.qr} alt="Pickup code as a QR code" width={160} height={160} />}
            </div>
          )}
          {pickup.status === "collected" && pickup.pickup_person && (
            <p>
              Collected by <strong>{pickup.pickup_person.name}</strong>.
            </p>
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
      {progress && <ProgressCard progress={progress} pickupShown={!!(pickup && store && "name" in store)} />}
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
              {i.quantity} × {i.product_title} <span className="muted">{i.variant_title}</span> · {money(lineAmount(i), order.currency_code)}
            </li>
          ))}
        </ul>
        <Totals cart={order} />
        {!isPickup && progress?.mode !== "in_store" && order.shipping_address && (
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

/** A delivery's steps; a partly shipped or delivered order reads so on its step. */
const DELIVERY_STEPS = [["processing"], ["shipped", "partially_shipped"], ["delivered", "partially_delivered"]] as const
/** Only web addresses become links (the API checks too: this is the page's own guard). */
const webUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null)

function StateChip({ state, testId }: { state: StoreOrderProgress["state"]; testId?: string }) {
  return (
    <span className={`state-chip status-${state}`} data-testid={testId}>
      {ORDER_STATE_LABEL[state]}
    </span>
  )
}

/**
 * Where the order stands, for every mode: a delivery's steps and each parcel
 * (carrier, tracking), a till sale's store and date, canceled, refunded. A
 * pickup's own card (above) already shows its steps and code.
 */
function ProgressCard({ progress, pickupShown }: { progress: StoreOrderProgress; pickupShown: boolean }) {
  const { state, mode } = progress
  // The amount exactly as the API gives it: never summed here.
  const refund =
    progress.refunded_amount > 0 ? (
      <p className="refund-note" data-testid="refund">
        {state === "partially_refunded" ? "Partly refunded" : "Refunded"}: {money(progress.refunded_amount, progress.currency_code)} back to your
        payment method.
      </p>
    ) : null
  if (mode === "pickup" && pickupShown) return refund
  const stepIndex = DELIVERY_STEPS.findIndex((group) => (group as readonly string[]).includes(state))
  return (
    <div className="card progress-card" data-testid="order-progress">
      <h2>
        {mode === "in_store" ? "In store" : mode === "pickup" ? "Pickup" : "Delivery"} · <StateChip state={state} testId="order-state" />
      </h2>
      {mode === "in_store" && (
        <p>
          Bought at <strong>{progress.store?.name ?? "one of our shops"}</strong> on {shortDate(progress.placed_at)}.
        </p>
      )}
      {mode === "pickup" && progress.store?.name && <p>Pickup at {progress.store.name}.</p>}
      {state === "canceled" && <p>This order was canceled.</p>}
      {refund}
      {mode === "delivery" && stepIndex >= 0 && (
        <ol className="steps" aria-label="Progress">
          {DELIVERY_STEPS.map((group, i) => (
            <li key={group[0]} className={i <= stepIndex ? "done" : ""} aria-current={i === stepIndex ? "step" : undefined}>
              {ORDER_STATE_LABEL[i === stepIndex ? state : group[0]]}
            </li>
          ))}
        </ol>
      )}
      {mode === "delivery" && progress.shipments.length > 0 && (
        <>
          {progress.shipments.length > 1 && <p className="muted">Your order comes in {progress.shipments.length} parcels.</p>}
          <ul className="parcels">
            {progress.shipments.map((p, i) => (
              <Parcel key={p.id} parcel={p} title={progress.shipments.length > 1 ? `Parcel ${i + 1} of ${progress.shipments.length}` : "Your parcel"} />
            ))}
          </ul>
        </>
      )}
    </div>
  )
}

function Parcel({ parcel: p, title }: { parcel: StoreOrderShipment; title: string }) {
  const link = webUrl(p.tracking_url)
  return (
    <li className="parcel" data-testid="parcel">
      <h3>
        {title}
        <span className={`state-chip status-${p.state}`}>{SHIPMENT_STATE_LABEL[p.state]}</span>
      </h3>
      {p.location?.name && <p className="muted">From {p.location.name}</p>}
      <ul>
        {p.items.map((item, i) => (
          <li key={i}>
            {item.quantity} × {item.title}
          </li>
        ))}
      </ul>
      {(p.carrier || p.tracking_number || p.shipped_at || p.delivered_at) && (
        <dl className="facts">
          {p.carrier && (
            <>
              <dt>Carrier</dt>
              <dd data-testid="carrier">{p.carrier}</dd>
            </>
          )}
          {p.tracking_number && (
            <>
              <dt>Tracking number</dt>
              <dd data-testid="tracking-number">{p.tracking_number}</dd>
            </>
          )}
          {p.shipped_at && (
            <>
              <dt>Shipped</dt>
              <dd>{shortDate(p.shipped_at)}</dd>
            </>
          )}
          {p.delivered_at && (
            <>
              <dt>Delivered</dt>
              <dd>{shortDate(p.delivered_at)}</dd>
            </>
          )}
        </dl>
      )}
      {link && (
        <p>
          {/* The carrier's page in a new tab; noopener: it gets no handle on this one. */}
          <a className="track-link" href={link} target="_blank" rel="noopener noreferrer">
            Track this parcel{p.carrier ? ` with ${p.carrier}` : ""}
          </a>
        </p>
      )}
    </li>
  )
}
