import { useState } from "react"
import type { StaffCreateAisleOrderBody, StaffMeResponse, StaffReceipt, StaffStore } from "../../src/client"
import { staff } from "./api"
import { BuyerPicker, PaymentPicker } from "./BuyerPicker"
import { customerOf, itemName, paymentOf, plain, type Buyer, type Payment, type TillLine } from "./till"
import { ErrorLine, useAction } from "./ui"

type Props = {
  store: StaffStore
  stores: StaffMeResponse["staff"]["stores"]
  lines: TillLine[]
  buyer: Buyer
  payment: Payment
  onBuyer: (b: Buyer) => void
  onPayment: (p: Payment) => void
  onBack: () => void
  onOrdered: (receipt: StaffReceipt) => void
}

type Address = Extract<StaffCreateAisleOrderBody["fulfillment"], { type: "delivery" }>["address"]
const FIELDS: { key: keyof Address; label: string; auto: string; wide?: boolean }[] = [
  { key: "first_name", label: "First name", auto: "given-name" },
  { key: "last_name", label: "Last name", auto: "family-name" },
  { key: "address_1", label: "Street and number", auto: "address-line1", wide: true },
  { key: "postal_code", label: "Postcode", auto: "postal-code" },
  { key: "city", label: "City", auto: "address-level2" },
  { key: "country_code", label: "Country code (FR, BE…)", auto: "country" },
  { key: "phone", label: "Phone (optional)", auto: "tel" },
]

/**
 * The endless aisle: what this shelf lacks, ordered for the shopper and paid
 * here; delivered by the web shop's rules, or picked up at another of the
 * staff member's stores (the desk knows no other store list).
 */
export function AisleOrder({ store, stores, lines, buyer, payment, onBuyer, onPayment, onBack, onOrdered }: Props) {
  const others = stores.filter((s) => s.id !== store.id && s.pickup_enabled)
  const [how, setHow] = useState<"delivery" | "pickup">("delivery")
  const [pickupAt, setPickupAt] = useState(others[0]?.id ?? "")
  const [address, setAddress] = useState<Address>({ first_name: "", last_name: "", address_1: "", city: "", postal_code: "", country_code: "", phone: "" })
  const action = useAction()

  const order = () =>
    action.run(async () => {
      const { phone, ...rest } = address
      const fulfillment: StaffCreateAisleOrderBody["fulfillment"] =
        how === "pickup" ? { type: "pickup", location_id: pickupAt } : { type: "delivery", address: phone?.trim() ? { ...rest, phone } : rest }
      const { receipt } = await staff.orders.create({
        location_id: store.id,
        customer: customerOf(buyer),
        items: lines.map((l) => ({ variant_id: l.item.variant_id, quantity: l.quantity })),
        fulfillment,
        payment: paymentOf(payment),
      })
      onOrdered(receipt)
    })

  return (
    <>
      <button type="button" id="a-back" className="link" onClick={onBack}>
        ← Back to the sale
      </button>
      <h1>Order for the shopper</h1>
      <div className="card">
        <ul id="a-lines" className="items">
          {lines.map((l) => (
            <li key={l.item.variant_id}>
              <span>{itemName(l.item)}</span>
              <span className="qty">{`× ${l.quantity}`}</span>
            </li>
          ))}
        </ul>
        <div className="seg" role="radiogroup" aria-label="How they get it">
          <button type="button" id="a-delivery" role="radio" aria-checked={how === "delivery"} onClick={() => setHow("delivery")}>
            Delivered
          </button>
          <button type="button" id="a-pickup" role="radio" aria-checked={how === "pickup"} disabled={!others.length} onClick={() => setHow("pickup")}>
            Picked up at a store
          </button>
        </div>
        {how === "pickup" ? (
          <label>
            Store
            <select id="a-store" value={pickupAt} onChange={(e) => setPickupAt(e.target.value)}>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <div className="form-grid">
            {FIELDS.map((f) => (
              <label key={f.key} className={f.wide ? "wide" : undefined}>
                {f.label}
                <input
                  id={`a-${f.key}`}
                  autoComplete={f.auto}
                  value={address[f.key] ?? ""}
                  onChange={(e) => setAddress({ ...address, [f.key]: e.target.value })}
                />
              </label>
            ))}
          </div>
        )}
        <p className="muted small">
          {how === "pickup" ? "Reserved at that store; the shopper gets its pickup code by email." : "Sent from where the web shop would send it; the shopper is told by email."}
        </p>
      </div>
      <BuyerPicker buyer={buyer} onChange={onBuyer} emailRequired />
      <PaymentPicker payment={payment} onChange={onPayment} />
      <div className="actions">
        <button type="button" id="a-order" className="primary wide" disabled={action.busy || (how === "pickup" && !pickupAt)} onClick={() => void order()}>
          {payment.method === "card" ? "Order and charge by card" : "Order and charge in cash"}
        </button>
      </div>
      <ErrorLine id="aisle-error" error={plain(action.error)} />
    </>
  )
}
