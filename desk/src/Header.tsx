import type { StaffMeResponse } from "../../src/client"

type Props = {
  me: StaffMeResponse["staff"] | null
  store: string | null
  loggedIn: boolean
  onStore: (id: string) => void
  onLogout: () => void
}

/** The bar: the store picker (for staff of two stores or more), who is logged in, log out. */
export function Header({ me, store, loggedIn, onStore, onLogout }: Props) {
  const stores = me?.stores ?? []
  return (
    <header className="bar">
      <strong>Pickup desk</strong>
      <select id="store" aria-label="Store" hidden={!loggedIn || stores.length < 2} value={store ?? ""} onChange={(e) => onStore(e.target.value)}>
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <span className="grow" />
      <span id="who" className="muted">
        {me ? `${me.first_name} ${me.last_name}` : ""}
      </span>
      <button type="button" id="logout" className="link" hidden={!loggedIn} onClick={onLogout}>
        Log out
      </button>
    </header>
  )
}

export type Section = "pickups" | "till" | "returns"
const SECTIONS: { id: Section; label: string }[] = [
  { id: "pickups", label: "Pickups" },
  { id: "till", label: "Sell" },
  { id: "returns", label: "Take back" },
]

/** The desk's three jobs: pickups and shipments, the till, returns. */
export function CounterNav({ section, onSection }: { section: Section; onSection: (s: Section) => void }) {
  return (
    <nav className="counter-nav" aria-label="Desk">
      {SECTIONS.map((s) => (
        <button key={s.id} type="button" id={`nav-${s.id}`} aria-current={section === s.id ? "page" : undefined} onClick={() => onSection(s.id)}>
          {s.label}
        </button>
      ))}
    </nav>
  )
}
