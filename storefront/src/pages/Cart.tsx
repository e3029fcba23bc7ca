import { useEffect, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { CART_FIELDS, useShop } from "../shop"
import { errorText, FieldError, money } from "../ui"

/** Medusa's totals of a cart or an order (the total is what is left to pay, after points). */
export function Totals({ cart }: { cart: any }) {
  const c = cart.currency_code
  return (
    <dl className="totals">
      <dt>Items</dt>
      <dd>{money(cart.item_subtotal ?? cart.subtotal, c)}</dd>
      {Number(cart.discount_total) > 0 && (
        <>
          <dt>Discount</dt>
          <dd>−{money(cart.discount_total, c)}</dd>
        </>
      )}
      <dt>Shipping</dt>
      <dd>{cart.shipping_methods?.length ? money(cart.shipping_total, c) : "—"}</dd>
      <dt>VAT</dt>
      <dd>{money(cart.tax_total, c)}</dd>
      {Number(cart.credit_line_total) > 0 && (
        <>
          <dt>Paid with points</dt>
          <dd>−{money(cart.credit_line_total, c)}</dd>
        </>
      )}
      <dt className="grand">Total</dt>
      <dd className="grand" data-testid="cart-total">{money(cart.total, c)}</dd>
    </dl>
  )
}

export function CartPage() {
  const { cart, sdk, setCart } = useShop()
  const [error, setError] = useState<{ id: string; text: string } | null>(null)
  const items = cart?.items ?? []

  const update = async (id: string, quantity: number) => {
    setError(null)
    try {
      const { cart: updated } =
        quantity > 0
          ? await sdk.store.cart.updateLineItem(cart.id, id, { quantity }, { fields: CART_FIELDS })
          : ((await sdk.store.cart.deleteLineItem(cart.id, id, { fields: CART_FIELDS })) as any).parent
      setCart(updated)
    } catch (e) {
      setError({ id, text: errorText(e) })
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
            <label className="qty">
              <span className="sr-only">Quantity of {i.product_title}</span>
              <input type="number" min={0} max={99} defaultValue={i.quantity} onBlur={(e) => Number(e.target.value) !== i.quantity && update(i.id, Number(e.target.value))} />
            </label>
            <span>{money(i.subtotal ?? i.unit_price * i.quantity, cart.currency_code)}</span>
            <button className="link" onClick={() => update(i.id, 0)} aria-label={`Remove ${i.product_title}`}>
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
  const { sdk, setCart, refreshCart } = useShop()
  const navigate = useNavigate()
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    sdk.client
      .fetch<{ cart: { id: string } }>(`/store/carts/recover/${encodeURIComponent(token!)}`)
      .then(async ({ cart }) => {
        setCart(cart)
        await refreshCart()
        navigate("/cart", { replace: true })
      })
      .catch((e) =>
        setError(e?.status === 409 ? "This cart was already checked out: see your orders." : e?.status === 404 ? "This link has expired or doesn't work any more." : errorText(e))
      )
  }, [sdk, token])
  return (
    <section className="page">
      <h1>Your cart</h1>
      {error ? <FieldError>{error}</FieldError> : <p aria-busy="true">Opening your cart…</p>}
      {error && <Link to="/">Browse the shop</Link>}
    </section>
  )
}
