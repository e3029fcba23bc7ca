import type { OrderProgressState, StoreCustomerLoyaltyResponse, StoreCustomerPickup, StoreHistoryOrder, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useCallback, useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { oldestAsOf, withLastSeen } from "../lastSeen"
import { useShop } from "../shop"
import { errorText, FieldError, isOffline, money, OFFLINE_TEXT, OfflineNote, ORDER_MODE_LABEL, ORDER_STATE_LABEL, shortDate } from "../ui"
import "../status.css"

const PAGE = 10
const ENTRY_LABEL: Record<string, string> = { earn: "Earned", redeem: "Spent", reverse: "Taken back", expire: "Expired", adjust: "Adjusted", restore: "Given back" }
/** Pickups still to collect: their codes are what the shopper needs at the desk. */
const OPEN_PICKUP = new Set(["placed", "preparing", "ready", "partially_ready"])

/** A history row's state: its progress (every mode); from an older server, what it had. */
const rowState = (o: StoreHistoryOrder): OrderProgressState | null =>
  o.progress?.state ?? (o.status === "canceled" ? "canceled" : o.pickup_status)

function LoginForms() {
  const { login, register } = useShop()
  const [tab, setTab] = useState<"login" | "register">("login")
  const [form, setForm] = useState({ email: "", password: "", first_name: "", last_name: "" })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    if (isOffline()) return setError(OFFLINE_TEXT)
    setBusy(true)
    try {
      if (tab === "login") await login(form.email.trim(), form.password)
      else await register({ ...form, email: form.email.trim() })
    } catch (err) {
      setError((err as any)?.status === 401 ? "That email and password don't match an account." : errorText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="page narrow">
      <h1>{tab === "login" ? "Log in" : "Create an account"}</h1>
      <p className="lead">One account for the web shop, the app and the tills: one order history, one points balance.</p>
      <form className="card" onSubmit={submit}>
        {tab === "register" && (
          <div className="row">
            <label className="field">
              First name
              <input required value={form.first_name} onChange={(e) => setForm({ ...form, first_name: e.target.value })} />
            </label>
            <label className="field">
              Last name
              <input required value={form.last_name} onChange={(e) => setForm({ ...form, last_name: e.target.value })} />
            </label>
          </div>
        )}
        <label className="field">
          Email
          <input type="email" required autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </label>
        <label className="field">
          Password
          <input type="password" required autoComplete={tab === "login" ? "current-password" : "new-password"} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </label>
        <FieldError>{error}</FieldError>
        <button className="primary wide" disabled={busy}>
          {tab === "login" ? "Log in" : "Create account"}
        </button>
        <p>
          {tab === "login" ? "New here? " : "Have an account? "}
          <button type="button" className="link" onClick={() => (setTab(tab === "login" ? "register" : "login"), setError(null))}>
            {tab === "login" ? "Create an account" : "Log in"}
          </button>
        </p>
      </form>
    </section>
  )
}

function ClaimOrder() {
  const { sdk } = useShop()
  const [orderId, setOrderId] = useState("")
  const [token, setToken] = useState("")
  const [step, setStep] = useState<"ask" | "token" | "done">("ask")
  const [error, setError] = useState<string | null>(null)
  const request = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    if (isOffline()) return setError(OFFLINE_TEXT)
    try {
      await sdk.store.order.requestTransfer(orderId.trim(), { description: "Claimed from my account" })
      setStep("token")
    } catch (err) {
      setError((err as any)?.status === 404 ? "No order with that number." : errorText(err))
    }
  }
  const accept = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    if (isOffline()) return setError(OFFLINE_TEXT)
    try {
      await sdk.store.order.acceptTransfer(orderId.trim(), { token: token.trim() })
      setStep("done")
    } catch (err) {
      setError(errorText(err))
    }
  }
  return (
    <details className="card">
      <summary>Add an order you placed as a guest</summary>
      <p className="hint">We email the address on that order a code to confirm it's yours (Medusa's order transfer).</p>
      {step === "ask" && (
        <form className="row end" onSubmit={request}>
          <label className="field">
            Order reference (order_…)
            <input value={orderId} onChange={(e) => setOrderId(e.target.value)} required />
          </label>
          <button>Send me a code</button>
        </form>
      )}
      {step === "token" && <p role="status">We've emailed the address on that order: open the link in it, or type its code here.</p>}
      {step === "token" && (
        <form className="row end" onSubmit={accept}>
          <label className="field">
            Code from the email
            <input value={token} onChange={(e) => setToken(e.target.value)} required />
          </label>
          <button>Add to my account</button>
        </form>
      )}
      {step === "done" && <p role="status">Done: the order is in your history now.</p>}
      <FieldError>{error}</FieldError>
    </details>
  )
}

export function AccountPage() {
  const { customer } = useShop()
  if (!customer) return <LoginForms />
  // One view per customer: nothing of the last one (or of an offline session) shows after a new login.
  return <AccountView key={customer.id} />
}

function AccountView() {
  const { customer: signedIn, omni, logout, channelName } = useShop()
  const customer = signedIn!
  const [loyalty, setLoyalty] = useState<StoreCustomerLoyaltyResponse["loyalty"] | null>(null)
  const [history, setHistory] = useState<{ orders: StoreHistoryOrder[]; count: number } | null>(null)
  const [pickups, setPickups] = useState<StoreCustomerPickup[] | null>(null)
  const [asOf, setAsOf] = useState<string | null>(null)
  const [page, setPage] = useState(0)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    setError(null)
    try {
      // Each answer kept for this customer: offline, the card, the balance,
      // the orders and the pickup codes as last fetched, with that time.
      const id = customer.id
      const [l, h, p] = await Promise.all([
        withLastSeen(id, "loyalty", () => omni.customer.loyalty({ limit: 10 })),
        withLastSeen(id, `history:${page}`, () => omni.customer.history({ limit: PAGE, offset: page * PAGE })),
        withLastSeen(id, "pickups", () => omni.customer.pickups({ limit: 20 })),
      ])
      setLoyalty(l.data.loyalty)
      setHistory(h.data)
      setPickups(p.data.pickups.filter((x) => OPEN_PICKUP.has(x.status)))
      setAsOf(oldestAsOf(l.asOf, h.asOf, p.asOf))
    } catch (e) {
      setError(errorText(e))
    }
  }, [omni, customer, page])
  useEffect(() => {
    load()
  }, [load])

  const pages = history ? Math.max(1, Math.ceil(history.count / PAGE)) : 1
  return (
    <section className="page account">
      <div className="account-head">
        <h1>
          Hello {customer.first_name ?? customer.email}
        </h1>
        <button className="link" onClick={logout}>
          Log out
        </button>
      </div>
      <OfflineNote asOf={asOf} />
      <FieldError>{error}</FieldError>
      {pickups && pickups.length > 0 && (
        <div className="card">
          <h2>To collect</h2>
          <p className="hint">Show the code (or its QR) at the pickup desk.</p>
          <ul className="pickup-codes">
            {pickups.map((p) => (
              <li key={p.id} data-testid="open-pickup">
                <div>
                  <Link to={`/orders/${p.order.id}`}>
                    <strong>#{p.order.display_id}</strong>
                  </Link>{" "}
                  <span className={`state-chip status-${p.status}`}>{ORDER_STATE_LABEL[p.status]}</span>
                  {"name" in p.store && <p className="muted">{(p.store as StorePickupStore).name}</p>}
                  <p className="code small" data-testid="open-pickup-code">
                    {p.code}
                  </p>
                </div>
                {p.qr && <img src={p.qr} alt={`Pickup code of order ${p.order.display_id} as a QR code`} width={120} height={120} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {loyalty && (
        <div className="account-grid">
          <div className="card member-card" aria-label="Member card">
            <p className="muted">Lumière member card</p>
            <p className="balance">
              <strong data-testid="points-balance">{loyalty.available.toLocaleString("en-GB")}</strong> points
            </p>
            {loyalty.pending > 0 && <p className="muted">+ {loyalty.pending.toLocaleString("en-GB")} pending (available once the return period is over)</p>}
            <p>
              Tier: <strong>{loyalty.tier ?? "Member"}</strong>
              {loyalty.next_tier && (
                <>
                  {" "}
                  · {loyalty.next_tier.remaining.toLocaleString("en-GB")} {loyalty.tier_basis === "spend" ? "spent" : "points"} to {loyalty.next_tier.name}
                </>
              )}
            </p>
            {loyalty.next_tier && (
              <progress max={loyalty.next_tier.threshold} value={loyalty.tier_progress} aria-label={`Progress to ${loyalty.next_tier.name}`} />
            )}
            {loyalty.member_qr && <img src={loyalty.member_qr} alt="Member code as a QR code, to scan at the till" width={150} height={150} />}
            <p className="code small" data-testid="member-code">{loyalty.member_code}</p>
            <p className="hint">Show this at the till to collect points on in-store purchases.</p>
          </div>
          <div className="card">
            <h2>Points history</h2>
            <table className="ledger">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">What</th>
                  <th scope="col" className="num">Points</th>
                </tr>
              </thead>
              <tbody>
                {loyalty.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{shortDate(e.created_at)}</td>
                    <td>
                      {ENTRY_LABEL[e.type] ?? e.type}
                      {e.status === "pending" && <span className="muted"> (pending)</span>}
                      {(e.metadata as any)?.reason && <span className="muted"> · {String((e.metadata as any).reason)}</span>}
                    </td>
                    <td className="num">{e.points > 0 ? `+${e.points}` : e.points}</td>
                  </tr>
                ))}
                {!loyalty.entries.length && (
                  <tr>
                    <td colSpan={3}>No points yet: every order on any channel earns them.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <div className="card">
        <h2>Your orders</h2>
        <p className="hint">Everything you bought on the web shop, in the app and in our shops. You're on the {channelName.toLowerCase()}.</p>
        {!history && !error && <p aria-busy="true">Loading…</p>}
        {history && !history.orders.length && <p>No orders yet.</p>}
        <ul className="history">
          {(history?.orders ?? []).map((o) => (
            <li key={o.id} data-order={o.display_id}>
              <div>
                <Link to={`/orders/${o.id}`}>
                  <strong>#{o.display_id}</strong>
                </Link>{" "}
                <span className="muted">{shortDate(o.created_at)}</span>
                <br />
                <span className="tag">{o.channel.name ?? "—"}</span> <span className="tag">{ORDER_MODE_LABEL[o.mode]}</span>
                {o.store && <span className="muted"> {o.store.name}</span>}
              </div>
              <div className="right">
                <strong>{money(o.total, o.currency_code)}</strong>
                <br />
                <RowState order={o} />
                <br />
                <span className="muted">
                  {o.points_earned ? `+${o.points_earned} pts` : ""}
                  {o.points_earned && o.points_redeemed ? " · " : ""}
                  {o.points_redeemed ? `−${o.points_redeemed} pts` : ""}
                </span>
              </div>
            </li>
          ))}
        </ul>
        {pages > 1 && (
          <nav className="pager" aria-label="Order pages">
            <button disabled={page === 0} onClick={() => setPage(page - 1)}>
              Newer
            </button>
            <span>
              Page {page + 1} of {pages}
            </span>
            <button disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Older
            </button>
          </nav>
        )}
      </div>
      <ClaimOrder />
    </section>
  )
}

/** A history row's status chip (every mode); a refund says how much, as the API gives it. */
function RowState({ order: o }: { order: StoreHistoryOrder }) {
  const state = rowState(o)
  if (!state) return null
  return (
    <>
      <span className={`state-chip status-${state}`} data-testid="order-state">
        {ORDER_STATE_LABEL[state]}
      </span>
      {o.progress?.refunded_amount > 0 && <span className="muted"> {money(o.progress.refunded_amount, o.progress.currency_code)}</span>}
    </>
  )
}

/**
 * The link of the order-transfer email, opened by whoever reads that address:
 * Medusa moves the order to the account that asked, so the page asks whether
 * that was them, and lets them decline (no login needed: the token is the proof).
 */
export function AcceptTransferPage() {
  const { id, token } = useParams()
  const { sdk } = useShop()
  const [state, setState] = useState<"ask" | "accepted" | "declined">("ask")
  const [error, setError] = useState<string | null>(null)
  const answer = async (accept: boolean) => {
    setError(null)
    try {
      if (accept) await sdk.store.order.acceptTransfer(id!, { token: token! })
      else await sdk.store.order.declineTransfer(id!, { token: token! })
      setState(accept ? "accepted" : "declined")
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <section className="page narrow">
      <h1>Add an order to an account</h1>
      {state === "ask" && (
        <div className="card">
          <p>
            An account of our shop asked to add this order to its order history; the email we sent says which account.
            Say yes only if that account is yours.
          </p>
          <div className="row">
            <button className="primary" onClick={() => answer(true)}>
              Yes, add it to my account
            </button>
            <button onClick={() => answer(false)}>No, that wasn't me</button>
          </div>
          <FieldError>{error}</FieldError>
        </div>
      )}
      {state === "accepted" && (
        <p role="status" className="notice">
          Done: the order is in <Link to="/account">your history</Link> now.
        </p>
      )}
      {state === "declined" && (
        <p role="status" className="notice">
          Declined: the order stays where it was.
        </p>
      )}
    </section>
  )
}
