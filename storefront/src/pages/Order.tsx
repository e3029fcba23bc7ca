import type { StoreCustomerPickup, StoreOrderProgress, StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useCallback, useEffect, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { isNetworkError, withLastSeen } from "../lastSeen"
import { useShop } from "../shop"
import { errorText, money, OfflineNote } from "../ui"
import { lineAmount, Totals } from "./Cart"
import { TOTALS_FIELDS } from "./checkout/Totals"
import { PickupCard } from "./order/PickupCard"
import { ProgressCard } from "./order/Progress"
import "../status.css"

const ORDER_FIELDS = `id,display_id,email,created_at,currency_code,total,subtotal,item_subtotal,tax_total,shipping_total,discount_total,credit_line_total,*credit_lines,*items,*shipping_methods,*shipping_address,${TOTALS_FIELDS}`

/** Medusa's order (any, as its own Store API returns it), the pickup with its code, where it stands. */
type OrderView = { order: any; pickup: StoreCustomerPickup | null; progress: StoreOrderProgress | null }

export function OrderPage() {
  const { id } = useParams()
  const { sdk, omni, customer } = useShop()
  const [view, setView] = useState<OrderView | null>(null)
  const [asOf, setAsOf] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      // Kept for the signed-in shopper: offline, the last answer (code included) with its time.
      const seen = await withLastSeen(customer?.id, `order:${id}`, async (): Promise<OrderView> => {
        const [{ order }, pickups, progress] = await Promise.all([
          sdk.store.order.retrieve(id!, { fields: ORDER_FIELDS }),
          // The pickup (and its code) is shown only to its own customer.
          customer ? omni.customer.pickups({ order_id: id!, limit: 1 }).then((r) => r.pickups) : Promise.resolve([]),
          // Without its progress the page still shows the order (and the pickup's own status).
          omni.orders.progress(id!).then(
            (r) => r.progress,
            (e) => {
              if (isNetworkError(e)) throw e
              return null
            }
          ),
        ])
        return { order, pickup: pickups[0] ?? null, progress }
      })
      setView(seen.data)
      setAsOf(seen.asOf)
      setError(null)
    } catch (e) {
      // A refresh that fails (a poor connection in the car park) keeps what
      // is on screen, the code included; the next one tries again.
      setError(errorText(e))
    }
  }, [sdk, omni, id, customer])

  useEffect(() => {
    load()
    const t = setInterval(load, 15_000)
    return () => clearInterval(t)
  }, [load])

  if (!view && error) return <p className="page field-error" role="alert">{error}</p>
  if (!view) return <p className="page" aria-busy="true">Loading…</p>
  const { order, pickup, progress } = view
  const store = pickup?.store as StorePickupStore | undefined
  const isPickup = progress ? progress.mode === "pickup" : !!pickup || (order.shipping_methods ?? []).some((m: any) => /pick ?up/i.test(m.name))
  return (
    <section className="page order">
      <h1>Order #{order.display_id}</h1>
      <OfflineNote asOf={asOf} />
      {error && <p className="field-error" role="status">Couldn't refresh: {error}</p>}
      {/* A till sale was handed over at the store: no confirmation to wait for. */}
      {progress?.mode !== "in_store" && (
        <p className="lead">Thank you{order.shipping_address?.first_name ? `, ${order.shipping_address.first_name}` : ""}. A confirmation is on its way to {order.email}.</p>
      )}

      {pickup && store && "name" in store && (
        <PickupCard pickup={pickup} store={store} onArrived={(updated) => setView((v) => (v ? { ...v, pickup: updated } : v))} />
      )}
      {progress && <ProgressCard progress={progress} pickupShown={!!(pickup && store && "name" in store)} />}
      {isPickup && !pickup && (
        <p className="notice">
          {customer ? "Your pickup is being set up…" : <>Your pickup code is in the confirmation email. <Link to="/account">Log in</Link> to see it here.</>}
        </p>
      )}

      <div className="card">
        <h2>Items</h2>
        <ul className="summary-lines">
          {(order.items ?? []).map((i: any) => (
            <li key={i.id}>
              {i.quantity} × {i.product_title} <span className="muted">{i.variant_title}</span> · {money(lineAmount(i), order.currency_code)}
            </li>
          ))}
        </ul>
        <Totals cart={order} />
        {!isPickup && progress?.mode !== "in_store" && order.shipping_address && (
          <p className="muted">
            Delivery to {order.shipping_address.address_1}, {order.shipping_address.postal_code} {order.shipping_address.city}
          </p>
        )}
      </div>
      <p>
        <Link to="/account">Your orders and points</Link> · <Link to="/">Continue shopping</Link>
      </p>
    </section>
  )
}
