import type { OrderProgressState, StoreHistoryOrder } from "medusa-plugin-omnichannel/client"
import { Link } from "react-router-dom"
import { useShop } from "../../shop"
import { money, ORDER_MODE_LABEL, ORDER_STATE_LABEL, shortDate } from "../../ui"

/** Orders a page of the history holds. */
export const PAGE = 10

/** A history row's state: its progress (every mode); from an older server, what it had. */
const rowState = (o: StoreHistoryOrder): OrderProgressState | null =>
  o.progress?.state ?? (o.status === "canceled" ? "canceled" : o.pickup_status)

/** The unified order history (every channel), a page at a time. */
export function OrderHistory({
  history,
  error,
  page,
  setPage,
}: {
  history: { orders: StoreHistoryOrder[]; count: number } | null
  error: string | null
  page: number
  setPage: (page: number) => void
}) {
  const { channelName } = useShop()
  const pages = history ? Math.max(1, Math.ceil(history.count / PAGE)) : 1
  return (
    <div className="card">
      <h2>Your orders</h2>
      <p className="hint">Everything you bought on the web shop, in the app and in our shops. You're on the {channelName.toLowerCase()}.</p>
      {!history && !error && <p aria-busy="true">Loading…</p>}
      {history && !history.orders.length && <p>No orders yet.</p>}
      <ul className="history">
        {(history?.orders ?? []).map((o) => (
          <li key={o.id} data-order={o.display_id}>
            <div>
              <Link to={`/orders/${o.id}`}>
                <strong>#{o.display_id}</strong>
              </Link>{" "}
              <span className="muted">{shortDate(o.created_at)}</span>
              <br />
              <span className="tag">{o.channel.name ?? "—"}</span> <span className="tag">{ORDER_MODE_LABEL[o.mode]}</span>
              {o.store && <span className="muted"> {o.store.name}</span>}
            </div>
            <div className="right">
              <strong>{money(o.total, o.currency_code)}</strong>
              <br />
              <RowState order={o} />
              <br />
              <span className="muted">
                {o.points_earned ? `+${o.points_earned} pts` : ""}
                {o.points_earned && o.points_redeemed ? " · " : ""}
                {o.points_redeemed ? `−${o.points_redeemed} pts` : ""}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="pager" aria-label="Order pages">
          <button disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      )}
    </div>
  )
}

/** A history row's status chip (every mode); a refund says how much, as the API gives it. */
function RowState({ order: o }: { order: StoreHistoryOrder }) {
  const state = rowState(o)
  if (!state) return null
  return (
    <>
      <span className={`state-chip status-${state}`} data-testid="order-state">
        {ORDER_STATE_LABEL[state]}
      </span>
      {o.progress?.refunded_amount > 0 && <span className="muted"> {money(o.progress.refunded_amount, o.progress.currency_code)}</span>}
    </>
  )
}
