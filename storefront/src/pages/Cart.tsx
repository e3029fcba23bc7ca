import { useEffect, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { useShop } from "../shop"
import { errorText, FieldError, money } from "../ui"
import { CHECKOUT_FIELDS, Totals, useCartTotals } from "./checkout/Totals"

/** A line's amount as the summary counts it: with VAT where prices include it, without where they don't. */
export const lineAmount = (i: { is_tax_inclusive?: boolean; original_total?: number; subtotal?: number; unit_price: number; quantity: number }) =>
  (i.is_tax_inclusive ? i.original_total : i.subtotal) ?? i.subtotal ?? i.unit_price * i.quantity

// The summary lives with the checkout; the order page imports it from here.
export { Totals }

/** A line's quantity: applied on Enter or when leaving the field; back to the cart's own when refused. */
function QuantityField({ item, onChange }: { item: any; onChange: (quantity: number) => Promise<boolean> }) {
  const [value, setValue] = useState(String(item.quantity))
  useEffect(() => setValue(String(item.quantity)), [item.quantity])
  const commit = async () => {
    const n = Number(value)
    if (!Number.isInteger(n) || n < 0) return setValue(String(item.quantity))
    if (n !== Number(item.quantity) && !(await onChange(n))) setValue(String(item.quantity))
  }
  return (
    <label className="qty">
      <span className="sr-only">Quantity of {item.product_title}</span>
      <input
        type="number"
        min={0}
        max={99}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === "Enter" && commit()}
      />
    </label>
  )
}

export function CartPage() {
  const { cart, sdk, setCart } = useShop()
  const [error, setError] = useState<{ id: string; text: string } | null>(null)
  const items = cart?.items ?? []
  useCartTotals()

  const update = async (id: string, quantity: number) => {
    setError(null)
    try {
      const updated =
        quantity > 0
          ? (await sdk.store.cart.updateLineItem(cart.id, id, { quantity }, { fields: CHECKOUT_FIELDS })).cart
          : (await sdk.store.cart.deleteLineItem(cart.id, id, { fields: CHECKOUT_FIELDS })).parent
      // Medusa answers a deleted line with its cart (`parent`); read it when an answer lacks it.
      setCart(updated ?? (await sdk.store.cart.retrieve(cart.id, { fields: CHECKOUT_FIELDS })).cart)
      return true
    } catch (e) {
      setError({ id, text: errorText(e) })
      return false
    }
  }

  if (!items.length) {
    return (
      <section className="page">
        <h1>Your cart</h1>
        <p>Your cart is empty. <Link to="/">Browse the shop</Link></p>
      </section>
    )
  }
  return (
    <section className="page">
      <h1>Your cart</h1>
      <ul className="lines">
        {items.map((i: any) => (
          <li key={i.id} className="line">
            <div>
              <strong>{i.product_title ?? i.title}</strong>
              <span className="muted"> {i.variant_title}</span>
            </div>
            <QuantityField item={i} onChange={(n) => update(i.id, n)} />
            <span>{money(lineAmount(i), cart.currency_code)}</span>
            <button className="link" onClick={() => void update(i.id, 0)} aria-label={`Remove ${i.product_title}`}>
              Remove
            </button>
            {error && error.id === i.id && <FieldError>{error.text}</FieldError>}
          </li>
        ))}
      </ul>
      <Totals cart={cart} />
      <Link className="button primary" to="/checkout">
        Checkout
      </Link>
    </section>
  )
}

/** A reminder's recovery link: the cart opened again here, then the cart page. */
export function RecoverCartPage() {
  const { token } = useParams()
  const { sdk, setCart, refreshCart, channel, config } = useShop()
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const path = `/store/carts/recover/${encodeURIComponent(token!)}`
    sdk.client
      .fetch<{ cart: { id: string } }>(path)
      .then(async ({ cart }) => {
        setCart(cart)
        await refreshCart()
        navigate("/cart", { replace: true })
      })
      .catch(async (e) => {
        // A reminder names no channel: an app cart's link opened in the web shop
        // (or the other way round) is answered with the other key; then open it there.
        if (e?.status === 404) {
          const other = channel === "app" ? "web" : "app"
          const found = await sdk.client
            .fetch(path, { headers: { "x-publishable-api-key": config.publishableKeys[other] } })
            .then(() => true, () => false)
          if (found) return location.assign(`${other === "app" ? "/app/" : "/"}#/cart/recover/${encodeURIComponent(token!)}`)
        }
        setError(e?.status === 409 ? "This cart was already checked out: see your orders." : e?.status === 404 ? "This link has expired or doesn't work any more." : errorText(e))
      })
  }, [sdk, token])
  return (
    <section className="page">
      <h1>Your cart</h1>
      {error ? <FieldError>{error}</FieldError> : <p aria-busy="true">Opening your cart…</p>}
      {error && <Link to="/">Browse the shop</Link>}
    </section>
  )
}
