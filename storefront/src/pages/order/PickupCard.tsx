import type { StoreCustomerPickup, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useState } from "react"
import { useShop } from "../../shop"
import { errorText, FieldError, isOffline, ORDER_STATE_LABEL, OFFLINE_TEXT, WEEKDAYS, when } from "../../ui"

const STEPS = ["placed", "preparing", "ready", "collected"] as const

/**
 * A pickup order's card: its steps, the code (and QR) for the desk, the slot,
 * the store's address and hours, and the curbside "I'm here".
 */
export function PickupCard({
  pickup,
  store,
  onArrived,
}: {
  pickup: StoreCustomerPickup
  store: StorePickupStore
  onArrived: (pickup: StoreCustomerPickup) => void
}) {
  const { omni } = useShop()
  const [arriveError, setArriveError] = useState<string | null>(null)
  const [note, setNote] = useState("")

  const arrived = async () => {
    setArriveError(null)
    if (isOffline()) return setArriveError(OFFLINE_TEXT)
    try {
      const { pickup: updated } = await omni.customer.arrived(pickup.id, note.trim() ? { note: note.trim() } : {})
      onArrived(updated)
    } catch (e) {
      setArriveError(errorText(e))
    }
  }

  const stepIndex = STEPS.indexOf((pickup.status === "partially_ready" ? "ready" : pickup.status) as any)
  const ready = pickup.status === "ready" || pickup.status === "partially_ready"
  return (
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
  )
}
