import { useState, type FormEvent } from "react"
import type { StaffCreateReturnResponse, StaffReturnableOrder, StaffStore } from "../../src/client"
import { problem, staff } from "./api"
import type { Clock } from "./clock"
import { ReturnForm } from "./ReturnForm"
import { canScan, QR, Scanner } from "./Scanner"
import type { Exchange } from "./Till"
import { ErrorLine } from "./ui"
import { items, money } from "./words"

type Props = { store: StaffStore; clock: Clock; onExchange: (exchange: Exchange) => void }
type Done = { order: StaffReturnableOrder; answer: StaffCreateReturnResponse }

/**
 * Take back: find the order (number, receipt QR, member code or email), any
 * channel's; choose the lines, how many, why and whether they go back on the
 * shelf; the refund is what Medusa owes, to the original payment.
 */
export function Returns({ store, clock, onExchange }: Props) {
  const [q, setQ] = useState("")
  const [orders, setOrders] = useState<StaffReturnableOrder[] | null>(null)
  const [open, setOpen] = useState<StaffReturnableOrder | null>(null)
  const [done, setDone] = useState<Done | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [scanning, setScanning] = useState(false)

  const find = async (value: string) => {
    setError(null)
    setOpen(null)
    try {
      setOrders((await staff.orders.find({ q: value.trim() })).orders)
    } catch (err) {
      setError(problem(err))
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (q.trim()) void find(q)
  }

  if (done) {
    const refund = done.answer.refund
    return (
      <section id="returns-view">
        <div id="ret-done" className="card done">
          <div className="big">✓</div>
          <h1>Taken back</h1>
          <p id="ret-refund">
            {refund ? `Refunded ${money(refund.amount, done.order.currency_code)} to the original payment.` : "Nothing to refund: the order was not paid for these items."}
          </p>
          {done.answer.points_restored > 0 && <p id="ret-points">{`${done.answer.points_restored} points given back to the member.`}</p>}
          <p className="muted small">{`Order #${done.order.display_id} · the shopper is told by email.`}</p>
          <div className="actions">
            <button
              type="button"
              id="ret-exchange"
              className="primary"
              onClick={() => onExchange({ order_id: done.order.id, return_id: done.answer.return.id, display_id: done.order.display_id, email: done.order.email })}
            >
              Exchange: sell the replacement
            </button>
            <button
              type="button"
              id="ret-new"
              onClick={() => {
                setDone(null)
                setOrders(null)
                setQ("")
              }}
            >
              Another return
            </button>
          </div>
        </div>
      </section>
    )
  }

  return (
    <section id="returns-view">
      <h1>{`Take back · ${store.name}`}</h1>
      <form id="ret-find" className="card" onSubmit={submit}>
        <label htmlFor="ret-q">Order number, receipt QR, member code or email</label>
        <div className="row">
          <input id="ret-q" type="search" autoComplete="off" spellCheck={false} placeholder="e.g. 1042" value={q} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="primary">
            Find
          </button>
          <button type="button" id="ret-scan" hidden={!canScan()} onClick={() => setScanning(true)}>
            Scan
          </button>
        </div>
        <ErrorLine id="ret-error" error={error} />
      </form>
      {open ? (
        <ReturnForm key={open.id} order={open} store={store} clock={clock} onBack={() => setOpen(null)} onDone={(answer) => setDone({ order: open, answer })} />
      ) : (
        <ul id="ret-orders" className="queue">
          {orders && !orders.length && <li className="muted">No order found.</li>}
          {orders?.map((o) => {
            const left = o.items.reduce((n, i) => n + i.returnable_quantity, 0)
            return (
              <li key={o.id}>
                <button type="button" data-order={o.id} disabled={!o.returnable || !left} onClick={() => setOpen(o)}>
                  <span className="name">{`#${o.display_id} · ${o.email ?? "Guest"}`}</span>
                  <span>{money(o.total, o.currency_code)}</span>
                  <span className="muted small">{`${o.channel ?? ""} · ${clock.when(o.created_at)} · ${items(o.items.reduce((n, i) => n + i.quantity, 0))}`}</span>
                  <span className="muted small">
                    {!o.returnable ? "Return window closed" : left ? `Returns until ${clock.when(o.return_window_closes_at).slice(0, 5)}` : "Nothing left to return"}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {scanning && (
        <Scanner
          formats={QR}
          onCode={(value) => {
            setScanning(false)
            setQ(value)
            void find(value)
          }}
          onFail={(message) => {
            setScanning(false)
            setError(`Camera not available: ${message}`)
          }}
          onStop={() => setScanning(false)}
        />
      )}
    </section>
  )
}
