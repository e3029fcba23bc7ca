import { useCallback, useEffect, useState } from "react"
import type { StaffMeResponse, StaffPickup, StaffShipment } from "../../src/client"
import { onUnauthorized, session, staff } from "./api"
import { storeClock } from "./clock"
import { CounterNav, Header, type Section } from "./Header"
import { Login } from "./Login"
import { PickupDetail } from "./PickupDetail"
import { Queue, type Mode } from "./Queue"
import { Returns } from "./Returns"
import { ShipmentDetail } from "./ShipmentDetail"
import { Till, type Exchange } from "./Till"

type View =
  | { kind: "starting" }
  | { kind: "login" }
  | { kind: "queue" }
  | { kind: "pickup"; pickup: StaffPickup }
  | { kind: "shipment"; shipment: StaffShipment }
  | { kind: "till"; exchange: Exchange | null; n: number }
  | { kind: "returns" }

const STORE_KEY = "desk.store"
const MODE_KEY = "desk.mode"

/**
 * The pickup desk: log in, the store's queues, one pickup or shipment at a
 * time; the counter: sell (the till) and take back. The chosen store is kept
 * on the device, the queue shown (pickups or "To ship") for the tab.
 */
export function App() {
  const [view, setView] = useState<View>(session.token() ? { kind: "starting" } : { kind: "login" })
  const [me, setMe] = useState<StaffMeResponse["staff"] | null>(null)
  const [storeId, setStoreId] = useState<string | null>(() => localStorage.getItem(STORE_KEY))
  const [mode, setMode] = useState<Mode>(() => (sessionStorage.getItem(MODE_KEY) === "shipments" ? "shipments" : "pickups"))
  // The pickup found by its code: the hand-over needs no second typing of it.
  const [verified, setVerified] = useState<{ id: string; code: string } | null>(null)

  const logout = useCallback(() => {
    session.clear()
    setMe(null)
    setView({ kind: "login" })
  }, [])
  useEffect(() => {
    onUnauthorized(logout)
  }, [logout])

  const start = useCallback(async () => {
    const { staff: member } = await staff.me()
    setMe(member)
    setStoreId((current) => (member.stores.some((s) => s.id === current) ? current : member.stores[0]?.id ?? null))
    setView({ kind: "queue" })
  }, [])
  useEffect(() => {
    if (session.token()) start().catch(logout)
  }, [start, logout])

  const store = me?.stores.find((s) => s.id === storeId) ?? null
  const clock = storeClock(store?.timezone)
  const toQueue = () => setView({ kind: "queue" })
  const chooseStore = (id: string) => {
    setStoreId(id)
    localStorage.setItem(STORE_KEY, id)
    // The till and returns start again at the new store (their keys); a pickup or shipment goes back to the queue.
    if (view.kind !== "till" && view.kind !== "returns") toQueue()
  }
  const chooseMode = (next: Mode) => {
    setMode(next)
    sessionStorage.setItem(MODE_KEY, next)
  }
  const section: Section = view.kind === "till" ? "till" : view.kind === "returns" ? "returns" : "pickups"
  // A new key each time: the next sale starts empty.
  const toTill = (exchange: Exchange | null = null) => setView({ kind: "till", exchange, n: Date.now() })
  const chooseSection = (next: Section) => (next === "till" ? toTill() : next === "returns" ? setView({ kind: "returns" }) : toQueue())
  const openPickup = (id: string) => staff.pickups.retrieve(id).then(({ pickup }) => setView({ kind: "pickup", pickup }))
  const openShipment = (id: string) => staff.shipments.retrieve(id).then(({ shipment }) => setView({ kind: "shipment", shipment }))

  return (
    <>
      <Header me={me} store={storeId} loggedIn={view.kind !== "login" && view.kind !== "starting"} onStore={chooseStore} onLogout={logout} />
      {me && store && view.kind !== "login" && view.kind !== "starting" && <CounterNav section={section} onSection={chooseSection} />}
      <main>
        {view.kind === "login" && <Login onLoggedIn={start} />}
        {view.kind === "till" && store && me && (
          <Till key={`${store.id}:${view.n}`} store={store} stores={me.stores} clock={clock} exchange={view.exchange} onDone={() => toTill()} />
        )}
        {view.kind === "returns" && store && <Returns key={store.id} store={store} clock={clock} onExchange={(exchange) => toTill(exchange)} />}
        {view.kind === "queue" && (
          <Queue
            key={store?.id ?? "none"}
            store={store}
            mode={mode}
            onMode={chooseMode}
            onPickup={(id) => void openPickup(id)}
            onShipment={(id) => void openShipment(id)}
            onVerified={(pickup, code) => {
              setVerified({ id: pickup.id, code })
              setView({ kind: "pickup", pickup })
            }}
          />
        )}
        {(view.kind === "pickup" || view.kind === "shipment") && (
          <section id="detail-view">
            <button type="button" id="back" className="link" onClick={toQueue}>
              ← Queue
            </button>
            <div id="detail">
              {view.kind === "pickup" ? (
                <PickupDetail
                  pickup={view.pickup}
                  clock={clock}
                  verifiedCode={verified?.id === view.pickup.id ? verified.code : null}
                  onChange={(pickup) => setView({ kind: "pickup", pickup })}
                  onNext={toQueue}
                />
              ) : (
                <ShipmentDetail key={view.shipment.id} shipment={view.shipment} clock={clock} onNext={toQueue} />
              )}
            </div>
          </section>
        )}
      </main>
    </>
  )
}
