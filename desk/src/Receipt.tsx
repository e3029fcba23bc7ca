import QRCode from "qrcode"
import { useEffect, useState, type ReactNode } from "react"
import type { StaffReceipt } from "../../src/client"
import type { Clock } from "./clock"
import { itemName } from "./till"
import { money } from "./words"

export type Paper = "80mm" | "a4"
const PAPER_KEY = "desk.paper"

/** "20 %" from Medusa's tax lines (a line may carry several). */
const vatRate = (lines: { rate: number }[]) => (lines.length ? lines.map((t) => `${Number(t.rate)} %`).join(" + ") : "0 %")

/**
 * A sale's receipt, every figure Medusa's (lines, VAT, total: never added up
 * here), printable on 80 mm receipt paper or A4 (the choice is kept on the
 * device). Its QR is the order's id: the returns search reads it.
 */
export function Receipt({ receipt: r, clock, title, children }: { receipt: StaffReceipt; clock: Clock; title: string; children?: ReactNode }) {
  const [paper, setPaper] = useState<Paper>(() => (localStorage.getItem(PAPER_KEY) === "a4" ? "a4" : "80mm"))
  const [qr, setQr] = useState<string | null>(null)
  const o = r.order
  const cur = o.currency_code
  useEffect(() => {
    let live = true
    QRCode.toDataURL(o.id, { margin: 1, width: 160 })
      .then((url) => live && setQr(url))
      .catch(() => {})
    window.scrollTo(0, 0)
    return () => {
      live = false
    }
  }, [o.id])
  const choose = (p: Paper) => {
    setPaper(p)
    localStorage.setItem(PAPER_KEY, p)
  }
  const address = r.store?.address
  const aisle = o.metadata?.endless_aisle
  return (
    <>
      <div className="row between no-print">
        <h1 id="receipt-title">{title}</h1>
      </div>
      <div className="actions no-print">
        <button type="button" id="r-print" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <div className="seg" role="radiogroup" aria-label="Paper">
          <button type="button" id="r-paper-80" role="radio" aria-checked={paper === "80mm"} onClick={() => choose("80mm")}>
            80 mm
          </button>
          <button type="button" id="r-paper-a4" role="radio" aria-checked={paper === "a4"} onClick={() => choose("a4")}>
            A4
          </button>
        </div>
      </div>
      <article id="receipt" className={`receipt ${paper === "a4" ? "paper-a4" : "paper-80"}`}>
        <header className="r-head">
          <strong>{r.store?.name ?? ""}</strong>
          {address && <span>{[address.address_1, [address.postal_code, address.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")}</span>}
          <span>{clock.full(o.created_at)}</span>
          <span id="r-order">{`Order #${o.display_id}${aisle ? " · ordered for you" : ""}`}</span>
        </header>
        <table className="r-lines">
          <thead>
            <tr>
              <th>Item</th>
              <th className="num">VAT</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {o.items.map((i, n) => (
              <tr key={n}>
                <td>
                  {itemName(i)}
                  <br />
                  <span className="muted small">{`${Number(i.quantity)} × ${money(Number(i.unit_price), cur)}`}</span>
                </td>
                <td className="num">{vatRate(i.tax_lines ?? [])}</td>
                <td className="num">{money(Number(i.total), cur)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="r-sums">
          {Number(o.shipping_total) > 0 && <Sum term="Delivery" value={money(Number(o.shipping_total), cur)} id="r-delivery" />}
          {Number(o.discount_total) > 0 && <Sum term="Discount" value={`− ${money(Number(o.discount_total), cur)}`} />}
          <Sum term="VAT" value={money(Number(o.tax_total), cur)} id="r-vat" />
          <Sum term="Total" value={money(Number(o.total), cur)} id="r-total" strong />
        </dl>
        <dl className="r-facts">
          <Sum term="Paid" value={r.payment ? `${r.payment.method === "card" ? "Card" : "Cash"}${r.payment.reference ? ` · ${r.payment.reference}` : ""}` : "—"} id="r-paid" />
          {/* Only the card's last characters: the code pays with the member's points at a till. */}
          {r.points && <Sum term="Member" value={`••••${r.points.member_code.slice(-4)}`} />}
          {r.points && <Sum term="Points earned" value={String(r.points.earned)} id="r-points" />}
          {r.points && (
            <Sum
              term="Points balance"
              value={`${r.points.balance.available}${r.points.balance.pending ? ` (+${r.points.balance.pending} pending)` : ""}`}
              id="r-balance"
            />
          )}
          {r.sold_by && <Sum term="Served by" value={r.sold_by} id="r-sold-by" />}
        </dl>
        {qr && <img className="r-qr" src={qr} alt={`Order ${o.display_id}`} width={96} height={96} />}
        <p className="r-foot">Thank you. Keep this receipt to return or exchange.</p>
      </article>
      <div className="actions no-print">{children}</div>
    </>
  )
}

function Sum({ term, value, id, strong }: { term: string; value: string; id?: string; strong?: boolean }) {
  return (
    <>
      <dt className={strong ? "strong" : undefined}>{term}</dt>
      <dd id={id} className={strong ? "strong" : undefined}>
        {value}
      </dd>
    </>
  )
}
