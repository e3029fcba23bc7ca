import type { StoreCustomerLoyaltyResponse, StoreCustomerPickup, StoreHistoryOrder } from "medusa-plugin-omnichannel/client"
import { useCallback, useEffect, useState } from "react"
import { oldestAsOf, withLastSeen } from "../lastSeen"
import { useShop } from "../shop"
import { errorText, FieldError, OfflineNote } from "../ui"
import { LoginForms } from "./account/LoginForms"
import { LoyaltyCard } from "./account/LoyaltyCard"
import { OPEN_PICKUP, OpenPickups } from "./account/OpenPickups"
import { OrderHistory, PAGE } from "./account/OrderHistory"
import { ClaimOrder } from "./account/Transfer"
import "../status.css"

export { AcceptTransferPage } from "./account/Transfer"

export function AccountPage() {
  const { customer } = useShop()
  if (!customer) return <LoginForms />
  // One view per customer: nothing of the last one (or of an offline session) shows after a new login.
  return <AccountView key={customer.id} />
}

function AccountView() {
  const { customer: signedIn, omni, logout } = useShop()
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
      {pickups && pickups.length > 0 && <OpenPickups pickups={pickups} />}
      {loyalty && <LoyaltyCard loyalty={loyalty} />}
      <OrderHistory history={history} error={error} page={page} setPage={setPage} />
      <ClaimOrder />
    </section>
  )
}
