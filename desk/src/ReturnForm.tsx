import { useState } from "react"
import type { StaffCreateReturnResponse, StaffReturnableOrder, StaffStore } from "../../src/client"
import { staff } from "./api"
import type { Clock } from "./clock"
import { itemName, plain } from "./till"
import { ErrorLine, useAction } from "./ui"
import { money } from "./words"

type Choice = { quantity: number; reason: string; restock: boolean }
type Props = { order: StaffReturnableOrder; store: StaffStore; clock: Clock; onBack: () => void; onDone: (answer: StaffCreateReturnResponse) => void }

/** One order's lines to take back: how many of each, why, back on the shelf or not; confirmed before anything is written. */
export function ReturnForm({ order: o, store, clock, onBack, onDone }: Props) {
  const [choices, setChoices] = useState<Record<string, Choice>>({})
  const [confirming, setConfirming] = useState(false)
  const action = useAction()
  const choice = (id: string): Choice => choices[id] ?? { quantity: 0, reason: "", restock: true }
  const set = (id: string, patch: Partial<Choice>) => setChoices({ ...choices, [id]: { ...choice(id), ...patch } })
  const chosen = o.items.filter((i) => choice(i.id).quantity > 0)

  const confirm = () =>
    action.run(async () => {
      const answer = await staff.returns.create({
        order_id: o.id,
        location_id: store.id,
        items: chosen.map((i) => {
          const c = choice(i.id)
          return { id: i.id, quantity: c.quantity, restock: c.restock, ...(c.reason.trim() ? { reason: c.reason.trim() } : {}) }
        }),
      })
      onDone(answer)
    })

  return (
    <div id="ret-order" className="card">
      <button type="button" id="ret-back" className="link" onClick={confirming ? () => setConfirming(false) : onBack}>
        {confirming ? "← Change" : "← Other orders"}
      </button>
      <div className="row between">
        <h2>{`#${o.display_id} · ${o.channel ?? ""}`}</h2>
        <span className="muted small">{`${clock.when(o.created_at)} · ${o.email ?? "Guest"}`}</span>
      </div>
      {confirming ? (
        <>
          <ul id="ret-summary" className="items">
            {chosen.map((i) => {
              const c = choice(i.id)
              return (
                <li key={i.id}>
                  <span>
                    {itemName(i)}
                    <br />
                    <span className="muted small">{`${c.restock ? `Back on ${store.name}'s shelf` : "Damaged: not restocked"}${c.reason.trim() ? ` · ${c.reason.trim()}` : ""}`}</span>
                  </span>
                  <span className="qty">{`× ${c.quantity}`}</span>
                </li>
              )
            })}
          </ul>
          <p className="muted small">Medusa refunds what it owes for these to the original payment; the shopper is told by email.</p>
          <div className="actions">
            <button type="button" id="ret-do" className="primary" disabled={action.busy} onClick={() => void confirm()}>
              Take back and refund
            </button>
          </div>
        </>
      ) : (
        <>
          <ul id="ret-lines" className="ret-lines">
            {o.items.map((i) => {
              const c = choice(i.id)
              const none = i.returnable_quantity < 1
              return (
                <li key={i.id} data-ret-line={i.id} className={none ? "muted" : undefined}>
                  <span className="name">{itemName(i)}</span>
                  <span className="small muted">{`${i.sku ?? ""} · ${i.quantity} × ${money(i.unit_price, o.currency_code)} · ${none ? "nothing left to return" : `${i.returnable_quantity} can come back`}`}</span>
                  {!none && (
                    <div className="ret-choice">
                      <label>
                        Qty
                        <input type="number" min={0} max={i.returnable_quantity} data-ret-qty value={c.quantity} onChange={(e) => set(i.id, { quantity: Math.max(0, Math.min(i.returnable_quantity, Number(e.target.value) || 0)) })} />
                      </label>
                      <label className="grow">
                        Reason
                        <input data-ret-reason placeholder="e.g. too small" value={c.reason} onChange={(e) => set(i.id, { reason: e.target.value })} />
                      </label>
                      <label className="wide">
                        Condition
                        <select data-ret-restock value={c.restock ? "shelf" : "damaged"} onChange={(e) => set(i.id, { restock: e.target.value === "shelf" })}>
                          <option value="shelf">Back on the shelf</option>
                          <option value="damaged">Damaged, don't restock</option>
                        </select>
                      </label>
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
          <div className="actions">
            <button type="button" id="ret-confirm" className="primary" disabled={!chosen.length} onClick={() => setConfirming(true)}>
              Continue
            </button>
          </div>
        </>
      )}
      <ErrorLine id="ret-action-error" error={plain(action.error)} />
    </div>
  )
}
