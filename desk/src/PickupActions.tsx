import { useState } from "react"
import type { StaffMarkReadyBody, StaffPickup } from "../../src/client"
import { staff } from "./api"
import { proxyOf, type PickupProps } from "./pickup"
import { ConfirmOrBack, ErrorLine, useAction } from "./ui"
import { pickupLabel } from "./words"

type Props = PickupProps

/**
 * The next step for a pickup: prepare, ready or partly ready (with what is
 * missing and why), hand over (the code, a proxy's name), cancel; or what
 * happened to it.
 */
export function PickupActions({ pickup: p, clock, verifiedCode, onChange, onNext }: Props) {
  const [form, setForm] = useState<"actions" | "partial" | "cancel">("actions")
  const action = useAction()
  const act = (call: () => Promise<{ pickup: StaffPickup }>) => action.run(async () => onChange((await call()).pickup))
  const back = () => {
    action.setError(null)
    setForm("actions")
  }

  let box: JSX.Element
  if (form === "partial") {
    box = <PartialForm pickup={p} busy={action.busy} onBack={back} onConfirm={(body) => act(() => staff.pickups.ready(p.id, body))} />
  } else if (form === "cancel") {
    box = <CancelForm busy={action.busy} onBack={back} onConfirm={(reason) => act(() => staff.pickups.cancel(p.id, { reason }))} />
  } else if (p.status === "placed" || p.status === "preparing") {
    box = (
      <div className="actions">
        {p.status === "placed" && (
          <button type="button" id="a-prepare" disabled={action.busy} onClick={() => act(() => staff.pickups.prepare(p.id))}>
            Start preparing
          </button>
        )}
        <button type="button" id="a-ready" className="primary" disabled={action.busy} onClick={() => act(() => staff.pickups.ready(p.id))}>
          Mark ready
        </button>
        <button type="button" id="a-partial" disabled={action.busy} onClick={() => setForm("partial")}>
          Partly ready…
        </button>
        <button type="button" id="a-cancel" className="danger" disabled={action.busy} onClick={() => setForm("cancel")}>
          Cancel order…
        </button>
      </div>
    )
  } else if (p.status === "ready" || p.status === "partially_ready") {
    box = (
      <HandOver
        pickup={p}
        verifiedCode={verifiedCode}
        busy={action.busy}
        onMissingName={() => action.setError("Enter the name of the person collecting.")}
        onCollect={(body) => act(() => staff.pickups.collect(p.id, body))}
        onCancel={() => setForm("cancel")}
      />
    )
  } else if (p.status === "collected") {
    const by = p.collected_by
    const to = by?.name ? ` to ${by.name}${by.relation ? ` (${by.relation})` : ""}` : ""
    box = (
      <div className="done">
        <div className="big">✓</div>
        <p>
          <strong>{`Handed over${to}`}</strong>
          {` at ${clock.hhmm(p.collected_at)}${p.handed_over_by?.name ? ` by ${p.handed_over_by.name}` : ""}.`}
        </p>
        <button type="button" id="a-next" className="primary" onClick={onNext}>
          Next customer
        </button>
      </div>
    )
  } else {
    box = <p className="muted">{pickupLabel(p.status) + (p.cancel_reason ? `: ${p.cancel_reason}` : "")}</p>
  }
  return (
    <>
      <div id="actions">{box}</div>
      <ErrorLine id="action-error" error={action.error} />
    </>
  )
}

type HandOverProps = {
  pickup: StaffPickup
  verifiedCode: string | null
  busy: boolean
  onMissingName: () => void
  onCollect: (body: { code: string; collected_by?: { name: string; relation: string | null } }) => void
  onCancel: () => void
}

/** Hand over: the shopper's code (already verified when found by code), and who collects if not the customer. */
function HandOver({ pickup, verifiedCode, busy, onMissingName, onCollect, onCancel }: HandOverProps) {
  const proxy = proxyOf(pickup)
  const [code, setCode] = useState("")
  const [other, setOther] = useState(!!proxy)
  const [name, setName] = useState(proxy ?? "")
  const [relation, setRelation] = useState("")
  const collect = () => {
    if (other && !name.trim()) return onMissingName()
    onCollect({
      code: verifiedCode ?? code,
      ...(other ? { collected_by: { name: name.trim(), relation: relation.trim() || null } } : {}),
    })
  }
  return (
    <>
      <h2>Hand over</h2>
      {verifiedCode ? (
        <p className="verified">✓ Code verified</p>
      ) : (
        <label>
          Pickup code{" "}
          <input id="h-code" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
      )}
      <label className="row">
        <input id="h-proxy" type="checkbox" className="check" checked={other} onChange={(e) => setOther(e.target.checked)} />
        {" Someone else is collecting"}
      </label>
      <div id="h-proxy-fields" hidden={!other}>
        <label>
          Name <input id="h-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Relation to the customer{" "}
          <input id="h-relation" placeholder="e.g. partner, colleague" value={relation} onChange={(e) => setRelation(e.target.value)} />
        </label>
      </div>
      <div className="actions">
        <button type="button" id="a-collect" className="primary" disabled={busy} onClick={collect}>
          Hand over
        </button>
        <button type="button" id="a-cancel" className="danger" disabled={busy} onClick={onCancel}>
          Cancel order…
        </button>
      </div>
    </>
  )
}

type PartialProps = { pickup: StaffPickup; busy: boolean; onBack: () => void; onConfirm: (body: StaffMarkReadyBody) => void }

/** What is ready, line by line; a line not all ready says why (the customer reads it). */
function PartialForm({ pickup, busy, onBack, onConfirm }: PartialProps) {
  const lines = pickup.order?.items ?? []
  const [ready, setReady] = useState<Record<string, string>>(() => Object.fromEntries(lines.map((i) => [i.id, String(i.quantity)])))
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const confirm = () => {
    const items = lines.flatMap((i) => {
      const n = Math.max(0, Math.min(i.quantity, Number(ready[i.id])))
      return n < i.quantity
        ? [{ line_item_id: i.id, quantity: n, rejected_quantity: i.quantity - n, reason: (reasons[i.id] ?? "").trim() }]
        : []
    })
    onConfirm(items.length ? { items } : {})
  }
  return (
    <>
      <h2>What is ready?</h2>
      {lines.map((i) => (
        <div className="split" key={i.id}>
          <span>
            {i.title} <span className="muted">{`ordered ${i.quantity}`}</span>
          </span>
          <input
            type="number"
            min={0}
            max={i.quantity}
            data-line={i.id}
            aria-label={`Ready quantity of ${i.title}`}
            value={ready[i.id] ?? ""}
            onChange={(e) => setReady({ ...ready, [i.id]: e.target.value })}
          />
          <input
            type="text"
            data-reason={i.id}
            placeholder="Why not all? (shown to the customer)"
            aria-label={`Reason for ${i.title}`}
            value={reasons[i.id] ?? ""}
            onChange={(e) => setReasons({ ...reasons, [i.id]: e.target.value })}
          />
        </div>
      ))}
      <ConfirmOrBack prefix="a" label="Confirm" tone="primary" busy={busy} onConfirm={confirm} onBack={onBack} />
    </>
  )
}

function CancelForm({ busy, onBack, onConfirm }: { busy: boolean; onBack: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("")
  return (
    <>
      <label>
        Why is the order canceled?{" "}
        <input id="c-reason" placeholder="Shown to the customer" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <ConfirmOrBack prefix="a" label="Cancel the order" tone="danger" busy={busy} onConfirm={() => onConfirm(reason.trim())} onBack={onBack} />
    </>
  )
}
