import { useEffect } from "react"
import type { StaffPickup } from "../../src/client"
import { PickupActions } from "./PickupActions"
import { proxyOf, type PickupProps } from "./pickup"
import { Badge, Timeline } from "./ui"
import { actionName, pickupLabel } from "./words"


/** One pickup: who, when, what (with what the store could not supply), the next step, the timeline. */
export function PickupDetail({ pickup: p, clock, verifiedCode, onChange, onNext }: PickupProps) {
  useEffect(() => {
    window.scrollTo(0, 0)
  }, [p.id, p.status])
  const proxy = proxyOf(p)
  const rejected = new Map(p.rejected_items.map((r) => [r.line_item_id, r]))
  return (
    <>
      <div className="card">
        <div className="row between">
          <h1>{`#${p.order_display_id} · ${p.customer_name || p.pickup_person?.name || "Guest"}`}</h1>
          <Badge status={p.status} label={pickupLabel(p.status)} />
        </div>
        <dl>
          {proxy && <Fact term="Collected by" value={proxy} />}
          {p.slot && <Fact term="Slot" value={`${clock.when(p.slot.start)}–${clock.hhmm(p.slot.end)}`} />}
          {p.ready_by && <Fact term="Ready by" value={clock.when(p.ready_by)} />}
          {p.expires_at && <Fact term="Held until" value={clock.when(p.expires_at)} />}
          {p.arrived_at && <Fact term="Arrived" value={clock.hhmm(p.arrived_at) + (p.arrival_note ? ` · ${p.arrival_note}` : "")} />}
        </dl>
        <ul className="items">
          {(p.order?.items ?? []).map((i) => {
            const r = rejected.get(i.id)
            return (
              <li key={i.id}>
                <span>
                  {i.title}
                  {i.variant_title && <> <span className="muted">{i.variant_title}</span></>}
                  <br />
                  <span className="muted small">{i.sku ?? ""}</span>
                  {r && (
                    <>
                      <br />
                      <span className="rejected">{`${r.quantity} rejected: ${r.reason}`}</span>
                    </>
                  )}
                </span>
                <span className="qty">{`× ${r ? i.quantity - r.quantity : i.quantity}`}</span>
              </li>
            )
          })}
        </ul>
        <PickupActions key={`${p.id}:${p.status}`} pickup={p} clock={clock} verifiedCode={verifiedCode} onChange={onChange} onNext={onNext} />
      </div>
      <Timeline
        entries={p.timeline.map((t, n) => ({
          key: String(n),
          text: `${clock.when(t.at)} · ${actionName(t.action)}${t.actor.name ? ` · ${t.actor.name}` : ""}`,
        }))}
      />
    </>
  )
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  )
}
