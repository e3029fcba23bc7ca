import type { StoreCustomerPickup, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { Link } from "react-router-dom"
import { ORDER_STATE_LABEL } from "../../ui"

/** Pickups still to collect: their codes are what the shopper needs at the desk. */
export const OPEN_PICKUP = new Set(["placed", "preparing", "ready", "partially_ready"])

/** The codes (and QR codes) of the pickups still to collect. */
export function OpenPickups({ pickups }: { pickups: StoreCustomerPickup[] }) {
  return (
    <div className="card">
      <h2>To collect</h2>
      <p className="hint">Show the code (or its QR) at the pickup desk.</p>
      <ul className="pickup-codes">
        {pickups.map((p) => (
          <li key={p.id} data-testid="open-pickup">
            <div>
              <Link to={`/orders/${p.order.id}`}>
                <strong>#{p.order.display_id}</strong>
              </Link>{" "}
              <span className={`state-chip status-${p.status}`}>{ORDER_STATE_LABEL[p.status]}</span>
              {"name" in p.store && <p className="muted">{(p.store as StorePickupStore).name}</p>}
              <p className="code small" data-testid="open-pickup-code">
                {p.code}
              </p>
            </div>
            {p.qr && <img src={p.qr} alt={`Pickup code of order ${p.order.display_id} as a QR code`} width={120} height={120} />}
          </li>
        ))}
      </ul>
    </div>
  )
}
