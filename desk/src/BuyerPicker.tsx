import { useState } from "react"
import { canScan, QR, Scanner } from "./Scanner"
import type { Buyer, Payment } from "./till"
import { ErrorLine } from "./ui"

const KINDS: { kind: Buyer["kind"]; label: string }[] = [
  { kind: "walk_in", label: "Walk-in" },
  { kind: "member_code", label: "Member card" },
  { kind: "member_email", label: "Member email" },
]

/** Who buys: a walk-in (an email for the receipt, or required where the order must be told), or a member by card or email. */
export function BuyerPicker({ buyer, onChange, emailRequired = false }: { buyer: Buyer; onChange: (b: Buyer) => void; emailRequired?: boolean }) {
  const [scanning, setScanning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = (patch: Partial<Buyer>) => onChange({ ...buyer, ...patch })
  return (
    <fieldset className="card">
      <legend>Customer</legend>
      <div className="seg" role="radiogroup" aria-label="Customer">
        {KINDS.map((k) => (
          <button key={k.kind} type="button" id={`c-${k.kind}`} role="radio" aria-checked={buyer.kind === k.kind} onClick={() => set({ kind: k.kind })}>
            {k.label}
          </button>
        ))}
      </div>
      {buyer.kind === "member_code" && (
        <>
          <label htmlFor="c-code">Member code (their card or app)</label>
          <div className="row">
            <input id="c-code" autoComplete="off" autoCapitalize="characters" spellCheck={false} className="mono" value={buyer.code} onChange={(e) => set({ code: e.target.value })} />
            <button type="button" id="c-scan" hidden={!canScan()} onClick={() => setScanning(true)}>
              Scan card
            </button>
          </div>
          {buyer.code && <p id="c-attached" className="verified">{`Card ${buyer.code.trim().toUpperCase()} attached`}</p>}
        </>
      )}
      {buyer.kind !== "member_code" && (
        <label>
          {buyer.kind === "member_email"
            ? "Their account's email"
            : emailRequired
              ? "Email (the order's messages go there)"
              : "Email for the receipt (optional)"}
          <input id="c-mail" type="email" autoComplete="off" value={buyer.email} onChange={(e) => set({ email: e.target.value })} />
        </label>
      )}
      <ErrorLine id="c-error" error={error} />
      {scanning && (
        <Scanner
          formats={QR}
          onCode={(code) => {
            setScanning(false)
            setError(null)
            set({ code })
          }}
          onFail={(message) => {
            setScanning(false)
            setError(`Camera not available: ${message}`)
          }}
          onStop={() => setScanning(false)}
        />
      )}
    </fieldset>
  )
}

/** How they pay at the counter: cash, or card on the terminal with its slip's reference. */
export function PaymentPicker({ payment, onChange }: { payment: Payment; onChange: (p: Payment) => void }) {
  return (
    <fieldset className="card">
      <legend>Payment</legend>
      <div className="seg" role="radiogroup" aria-label="Payment">
        {(["cash", "card"] as const).map((m) => (
          <button key={m} type="button" id={`p-${m}`} role="radio" aria-checked={payment.method === m} onClick={() => onChange({ ...payment, method: m })}>
            {m === "cash" ? "Cash" : "Card"}
          </button>
        ))}
      </div>
      {payment.method === "card" && (
        <label>
          Terminal reference (on the card slip)
          <input id="p-ref" autoComplete="off" spellCheck={false} value={payment.reference} onChange={(e) => onChange({ ...payment, reference: e.target.value })} />
        </label>
      )}
    </fieldset>
  )
}
