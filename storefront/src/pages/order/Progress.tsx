import type { StoreOrderProgress, StoreOrderShipment } from "medusa-plugin-omnichannel/client"
import { money, ORDER_STATE_LABEL, SHIPMENT_STATE_LABEL, shortDate } from "../../ui"

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
export function ProgressCard({ progress, pickupShown }: { progress: StoreOrderProgress; pickupShown: boolean }) {
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
