import { useState } from "react"
import type { StaffMeResponse, StaffReceipt, StaffStore } from "../../src/client"
import { staff } from "./api"
import { AisleOrder } from "./AisleOrder"
import { BuyerPicker, PaymentPicker } from "./BuyerPicker"
import type { Clock } from "./clock"
import { ItemFinder } from "./ItemFinder"
import { Receipt } from "./Receipt"
import { addItem, customerOf, isShort, itemName, paymentOf, plain, stockWords, walkIn, type Buyer, type Payment, type TillLine } from "./till"
import { ErrorLine, useAction } from "./ui"
import { money } from "./words"

/** A return at this desk that the sale replaces, and who brought it back. */
export type Exchange = { order_id: string; return_id: string; display_id: number; email: string | null }

type Props = {
  store: StaffStore
  stores: StaffMeResponse["staff"]["stores"]
  clock: Clock
  exchange: Exchange | null
  onDone: () => void
}

type Phase = { kind: "sell" } | { kind: "aisle"; lines: TillLine[] } | { kind: "receipt"; receipt: StaffReceipt; title: string; after: "next" | "back" }

/**
 * The till: items by code, camera or name with this shelf's stock, a
 * customer (member for points, or walk-in), cash or card; Charge gives
 * Medusa's receipt. What the shelf lacks can be ordered for the shopper.
 */
export function Till({ store, stores, clock, exchange, onDone }: Props) {
  const [lines, setLines] = useState<TillLine[]>([])
  const [buyer, setBuyer] = useState<Buyer>(() => walkIn(exchange?.email ?? ""))
  const [payment, setPayment] = useState<Payment>({ method: "cash", reference: "" })
  const [phase, setPhase] = useState<Phase>({ kind: "sell" })
  const action = useAction()

  const setQuantity = (variantId: string, quantity: number) =>
    setLines((ls) => (quantity < 1 ? ls.filter((l) => l.item.variant_id !== variantId) : ls.map((l) => (l.item.variant_id === variantId ? { ...l, quantity } : l))))
  const short = lines.filter(isShort)

  const charge = () =>
    action.run(async () => {
      const { receipt } = await staff.sales.create({
        location_id: store.id,
        customer: customerOf(buyer),
        items: lines.map((l) => ({ variant_id: l.item.variant_id, quantity: l.quantity })),
        payment: paymentOf(payment),
        ...(exchange ? { exchange_of: { order_id: exchange.order_id, return_id: exchange.return_id } } : {}),
      })
      setPhase({ kind: "receipt", receipt, title: "Paid", after: "next" })
    })

  if (phase.kind === "receipt") {
    return (
      <section id="till-view">
        <Receipt receipt={phase.receipt} clock={clock} title={phase.title}>
          {phase.after === "back" && lines.length > 0 ? (
            <button type="button" id="r-back" className="primary" onClick={() => setPhase({ kind: "sell" })}>
              Back to the sale
            </button>
          ) : (
            <button type="button" id="r-new" className="primary" onClick={onDone}>
              Next sale
            </button>
          )}
        </Receipt>
      </section>
    )
  }
  if (phase.kind === "aisle") {
    return (
      <section id="till-view">
        <AisleOrder
          store={store}
          stores={stores}
          lines={phase.lines}
          buyer={buyer}
          payment={payment}
          onBuyer={setBuyer}
          onPayment={setPayment}
          onBack={() => setPhase({ kind: "sell" })}
          onOrdered={(receipt) => {
            // Ordered for the shopper: those lines leave the sale.
            const ordered = new Set(phase.lines.map((l) => l.item.variant_id))
            setLines((ls) => ls.filter((l) => !ordered.has(l.item.variant_id)))
            setPhase({ kind: "receipt", receipt, title: "Ordered for the shopper", after: "back" })
          }}
        />
      </section>
    )
  }

  return (
    <section id="till-view">
      <h1>{`Sell · ${store.name}`}</h1>
      {exchange && <p id="t-exchange" className="notice">{`Exchange for order #${exchange.display_id}: its return is done; sell the replacement.`}</p>}
      <ItemFinder store={store.id} onAdd={(item) => setLines((ls) => addItem(ls, item))} />
      <div className="card">
        <h2>Items</h2>
        {!lines.length && <p className="muted">Nothing yet: scan or search an item.</p>}
        <ul id="t-lines" className="lines">
          {lines.map((l) => (
            <li key={l.item.variant_id} data-line={l.item.variant_id} className={isShort(l) ? "is-short" : undefined}>
              <span className="name">{itemName(l.item)}</span>
              <span className="price">{l.item.price === null ? "no price" : `${money(l.item.price, l.item.currency_code)} each`}</span>
              <span className={`small ${isShort(l) ? "short" : "muted"}`}>{`${l.item.sku ?? ""} · ${stockWords(l.item)}`}</span>
              <span className="stepper">
                <button type="button" aria-label="One less" data-less onClick={() => setQuantity(l.item.variant_id, l.quantity - 1)}>
                  −
                </button>
                <input type="number" min={0} aria-label="Quantity" data-qty value={l.quantity} onChange={(e) => setQuantity(l.item.variant_id, Number(e.target.value) || 0)} />
                <button type="button" aria-label="One more" data-more onClick={() => setQuantity(l.item.variant_id, l.quantity + 1)}>
                  +
                </button>
              </span>
              {isShort(l) && (
                <button type="button" className="link aisle" data-aisle onClick={() => setPhase({ kind: "aisle", lines: [l] })}>
                  {`Not enough here: order for the shopper →`}
                </button>
              )}
            </li>
          ))}
        </ul>
        {lines.length > 0 && <p className="muted small">The total, VAT included, comes from Medusa when you charge.</p>}
      </div>
      <BuyerPicker
        buyer={buyer}
        onChange={(b) => {
          setBuyer(b)
          action.setError(null) // the refusal was about the customer before
        }}
      />
      <PaymentPicker payment={payment} onChange={setPayment} />
      {short.length > 0 && (
        <p id="t-short" className="notice">
          {`The shelf lacks ${short.map((l) => itemName(l.item)).join(", ")}: take it off the sale or order it for the shopper.`}
        </p>
      )}
      <div className="actions">
        <button type="button" id="t-charge" className="primary wide" disabled={action.busy || !lines.length || short.length > 0} onClick={() => void charge()}>
          {payment.method === "card" ? "Charge by card" : "Charge in cash"}
        </button>
      </div>
      <ErrorLine id="till-error" error={plain(action.error)} />
    </section>
  )
}
