import { useEffect, useState } from "react"
import type { StaffPickup, StaffPickupSummary, StaffShipment, StaffStore } from "../../src/client"
import { problem, staff } from "./api"
import { storeClock, type Clock } from "./clock"
import { orderOf, recipient, town, units } from "./shipment"
import { Badge } from "./ui"
import { Verify } from "./Verify"
import { items, pickupLabel, shipmentLabel } from "./words"

export type Mode = "pickups" | "shipments"

type Props = {
  store: StaffStore | null
  mode: Mode
  onMode: (mode: Mode) => void
  onPickup: (id: string) => void
  onShipment: (id: string) => void
  onVerified: (pickup: StaffPickup, code: string) => void
}

const REFRESH_MS = 15_000

/**
 * The store's two queues: pickups (code or QR to find one, search by name or
 * order number) and "To ship" (routed deliveries this store sends), both
 * refreshed every 15 seconds while shown.
 */
export function Queue({ store, mode, onMode, onPickup, onShipment, onVerified }: Props) {
  const [pickups, setPickups] = useState<StaffPickupSummary[] | null>(null)
  const [shipments, setShipments] = useState<StaffShipment[] | null>(null)
  const [shipCount, setShipCount] = useState(0)
  const [updated, setUpdated] = useState("")
  const [search, setSearch] = useState("")
  const [query, setQuery] = useState("")
  const shipping = mode === "shipments"
  const clock = storeClock(store?.timezone)
  const storeId = store?.id

  useEffect(() => {
    const t = setTimeout(() => setQuery(search.trim()), 300)
    return () => clearTimeout(t)
  }, [search])

  useEffect(() => {
    if (!storeId) return
    let live = true
    const stamp = () => live && setUpdated(`Updated ${storeClock(store?.timezone).hhmm(new Date())}.`)
    const failed = (err: unknown) => live && setUpdated(problem(err))
    const refresh = () => {
      // The "To ship" count shows on its tab from either queue.
      staff.shipments
        .list({ limit: 50, location_id: storeId })
        .then((data) => {
          if (!live) return
          setShipments(data.shipments)
          setShipCount(data.count)
          if (shipping) stamp()
        })
        .catch(failed)
      if (shipping) return
      staff.pickups
        .list({ limit: 50, location_id: storeId, q: query || undefined })
        .then((data) => {
          if (!live) return
          setPickups(data.pickups)
          stamp()
        })
        .catch(failed)
    }
    refresh()
    const timer = setInterval(refresh, REFRESH_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [storeId, store?.timezone, shipping, query])

  const list = shipping ? shipments : pickups
  const empty = !store
    ? "You are not assigned to a store yet. Ask your manager."
    : list && !list.length
      ? shipping
        ? "Nothing to ship."
        : "No orders waiting."
      : null

  return (
    <section id="queue-view">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" id="tab-pickups" aria-selected={!shipping} onClick={() => onMode("pickups")}>
          Pickups
        </button>
        <button type="button" role="tab" id="tab-shipments" aria-selected={shipping} onClick={() => onMode("shipments")}>
          To ship{" "}
          <span id="ship-count" className="count" hidden={!shipCount}>
            {shipCount}
          </span>
        </button>
      </div>
      {!shipping && store && <Verify store={store.id} onVerified={onVerified} />}
      <div className="row between">
        <h2 id="queue-title">{`${shipping ? "To ship" : "Queue"} · ${store?.name ?? ""}`}</h2>
        <input
          id="search"
          type="search"
          placeholder="Search name or order #"
          aria-label="Search"
          hidden={shipping}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      <ul id="queue" className="queue" aria-live="polite" hidden={shipping}>
        {store && !shipping && pickups?.map((p) => <PickupRow key={p.id} pickup={p} clock={clock} onOpen={onPickup} />)}
      </ul>
      <ul id="ship-queue" className="queue" aria-live="polite" hidden={!shipping}>
        {store && shipping && shipments?.map((s) => <ShipmentRow key={s.id} shipment={s} clock={clock} onOpen={onShipment} />)}
      </ul>
      <p id="queue-empty" className="muted" hidden={!empty}>
        {empty ?? ""}
      </p>
      <p className="muted small">
        Refreshes every 15 seconds. <span id="updated">{updated}</span>
      </p>
    </section>
  )
}

function PickupRow({ pickup: p, clock, onOpen }: { pickup: StaffPickupSummary; clock: Clock; onOpen: (id: string) => void }) {
  const time = p.slot
    ? `slot ${clock.hhmm(p.slot.start)}–${clock.hhmm(p.slot.end)}`
    : p.ready_by
      ? `ready by ${clock.when(p.ready_by)}`
      : ""
  return (
    <li>
      <button type="button" data-id={p.id} className={p.arrived_at ? "arrived" : ""} onClick={() => onOpen(p.id)}>
        <span className="name">{`#${p.order_display_id} · ${p.customer_name || p.pickup_person?.name || "Guest"}`}</span>
        <span>
          {p.arrived_at && <span className="badge here">Here</span>}
          {p.arrived_at && " "}
          <Badge status={p.status} label={pickupLabel(p.status)} />
        </span>
        <span className="muted small">{items(p.item_count ?? 0) + (time ? ` · ${time}` : "")}</span>
        <span className="muted small">{p.arrival_note ?? ""}</span>
      </button>
    </li>
  )
}

function ShipmentRow({ shipment: s, clock, onOpen }: { shipment: StaffShipment; clock: Clock; onOpen: (id: string) => void }) {
  const order = orderOf(s)
  return (
    <li>
      <button type="button" data-shipment={s.id} onClick={() => onOpen(s.id)}>
        <span className="name">{`#${order.display_id ?? ""} · ${recipient(s)}`}</span>
        <span>
          <Badge status={s.status} label={shipmentLabel(s.status)} />
        </span>
        <span className="muted small">{`${items(units(s))} · to ${town(s)}`}</span>
        <span className="muted small">{`ordered ${clock.when(order.created_at)}`}</span>
      </button>
    </li>
  )
}
