import { useEffect, useState } from "react"
import type { StaffShipment } from "../../src/client"
import { staff } from "./api"
import type { Clock } from "./clock"
import { fullAddress, isOpen, orderOf, recipient } from "./shipment"
import { Badge, ConfirmOrBack, ErrorLine, Timeline, useAction } from "./ui"
import { actionName, lineLabel, money, shipmentLabel } from "./words"

type Props = { shipment: StaffShipment; clock: Clock; onNext: () => void }

/**
 * One routed delivery this store sends: where it goes, its lines (a line the
 * store can't find is handed on), then pick → pack → ship (carrier, tracking).
 */
export function ShipmentDetail({ shipment: initial, clock, onNext }: Props) {
  const [s, setShipment] = useState(initial)
  const [notice, setNotice] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState<string | null>(null)
  const action = useAction()
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [s.id])
  const order = orderOf(s)
  const open = isOpen(s)

  const act = (call: () => Promise<{ shipment: StaffShipment }>) =>
    action.run(async () => {
      setShipment((await call()).shipment)
      setNotice(null)
      setRejecting(null)
    })
  const reject = (lineId: string, reason: string) =>
    action.run(async () => {
      const data = await staff.shipments.rejectLine(s.id, lineId, { reason })
      setShipment(data.shipment)
      setRejecting(null)
      setNotice(
        data.moved_to
          ? `Sent on to ${data.moved_to.name}.`
          : "No other location has it: the customer is told it can't be sent" +
              (data.refunded_amount > 0 ? ` and refunded ${money(data.refunded_amount, orderOf(data.shipment).currency_code)}.` : ".")
      )
    })

  const line = rejecting ? s.lines.find((l) => l.line_item_id === rejecting) : undefined
  return (
    <>
      <div className="card">
        <div className="row between">
          <h1>{`#${order.display_id ?? ""} · ${recipient(s)}`}</h1>
          <Badge status={s.status} label={shipmentLabel(s.status)} />
        </div>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <dl>
          <dt>Ship to</dt>
          <dd>{fullAddress(s)}</dd>
          {s.carrier && (
            <>
              <dt>Carrier</dt>
              <dd>{`${s.carrier} · ${s.tracking_number ?? ""}`}</dd>
            </>
          )}
        </dl>
        <ul className="items">
          {s.lines.map((l) => (
            <li key={l.line_item_id}>
              <span>
                {l.title ?? ""}
                {l.variant_title && <> <span className="muted">{l.variant_title}</span></>}
                <br />
                <span className="muted small">{l.sku ?? ""}</span>
                {l.reason && (
                  <>
                    <br />
                    <span className="rejected">{l.reason}</span>
                  </>
                )}
                {open && l.status === "allocated" && (
                  <>
                    <br />
                    <button type="button" className="link" data-reject={l.line_item_id} aria-label={`Can't find ${l.title ?? ""}`} onClick={() => setRejecting(l.line_item_id)}>
                      Can't find it…
                    </button>
                  </>
                )}
              </span>
              <span className="qty">
                {`× ${l.quantity}`}
                <br />
                {l.status !== "allocated" && <Badge status={l.status} label={lineLabel(l.status)} />}
              </span>
            </li>
          ))}
        </ul>
        <div id="actions">
          {line ? (
            <RejectForm title={line.title ?? ""} busy={action.busy} onBack={() => setRejecting(null)} onConfirm={(reason) => reject(line.line_item_id, reason)} />
          ) : (
            <ShipmentActions shipment={s} busy={action.busy} act={act} onNext={onNext} />
          )}
        </div>
        <ErrorLine id="action-error" error={action.error} />
      </div>
      <Timeline
        entries={s.timeline.map((t, n) => {
          const reason = typeof t.data?.reason === "string" ? t.data.reason : ""
          return { key: String(n), text: `${clock.when(t.at)} · ${actionName(t.action)}${reason ? ` · ${reason}` : ""}` }
        })}
      />
    </>
  )
}

type ActionsProps = {
  shipment: StaffShipment
  busy: boolean
  act: (call: () => Promise<{ shipment: StaffShipment }>) => void
  onNext: () => void
}

function ShipmentActions({ shipment: s, busy, act, onNext }: ActionsProps) {
  const [carrier, setCarrier] = useState("")
  const [tracking, setTracking] = useState("")
  if (s.status === "to_ship") {
    return (
      <div className="actions">
        <button type="button" id="s-pick" className="primary" disabled={busy} onClick={() => act(() => staff.shipments.pick(s.id))}>
          Start picking
        </button>
      </div>
    )
  }
  if (s.status === "picking") {
    return (
      <div className="actions">
        <button type="button" id="s-pack" className="primary" disabled={busy} onClick={() => act(() => staff.shipments.pack(s.id))}>
          Packed
        </button>
      </div>
    )
  }
  if (s.status === "packed") {
    const ship = () => act(() => staff.shipments.ship(s.id, { carrier: carrier.trim(), tracking_number: tracking.trim() }))
    return (
      <>
        <h2>Ship</h2>
        <label>
          Carrier <input id="s-carrier" list="carriers" autoComplete="off" value={carrier} onChange={(e) => setCarrier(e.target.value)} />
        </label>
        <datalist id="carriers">
          {["Colissimo", "Chronopost", "DHL", "UPS"].map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <label>
          Tracking number{" "}
          <input id="s-tracking" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={tracking} onChange={(e) => setTracking(e.target.value)} />
        </label>
        <div className="actions">
          <button type="button" id="s-ship" className="primary" disabled={busy} onClick={ship}>
            Shipped
          </button>
        </div>
      </>
    )
  }
  return (
    <div className="actions">
      <button type="button" id="s-next" className="primary" onClick={onNext}>
        Back to the list
      </button>
    </div>
  )
}

function RejectForm({ title, busy, onBack, onConfirm }: { title: string; busy: boolean; onBack: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("")
  return (
    <>
      <h2>{`Can't find ${title}`}</h2>
      <label>
        What happened? <input id="r-reason" placeholder="e.g. damaged, not on the shelf" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <p className="muted small">It goes to the next location that has it; the customer hears only if none does.</p>
      <ConfirmOrBack prefix="r" label="Hand it on" tone="danger" busy={busy} onConfirm={() => onConfirm(reason.trim())} onBack={onBack} />
    </>
  )
}
