import { useEffect } from "react"
import { CART_FIELDS, useShop } from "../../shop"
import { money } from "../../ui"

/**
 * Medusa's totals the summary reads beside CART_FIELDS' own: the item and
 * shipping lines with and without VAT, so that the lines shown add up to the
 * total in either tax convention without the UI adding anything.
 */
export const TOTALS_FIELDS =
  "original_item_total,item_total,item_tax_total,original_shipping_total,shipping_subtotal,shipping_tax_total,discount_subtotal"
/** Every cart read of the cart, checkout and product pages: CART_FIELDS and the totals above. */
export const CHECKOUT_FIELDS = `${CART_FIELDS},${TOTALS_FIELDS}`

/** A cart (or an order) read with TOTALS_FIELDS: the summary can show lines that add up. */
export const hasTotals = (cart: { original_item_total?: unknown; shipping_subtotal?: unknown } | null) =>
  cart?.original_item_total !== undefined && cart?.shipping_subtotal !== undefined

/**
 * The shop's cart read again with CHECKOUT_FIELDS when it was read without
 * them (the shop's own reads use CART_FIELDS): once per cart, not in a loop.
 */
export function useCartTotals() {
  const { sdk, cart, setCart } = useShop()
  const missing = !!cart?.id && !hasTotals(cart)
  useEffect(() => {
    if (!missing) return
    let stale = false
    sdk.store.cart
      .retrieve(cart.id, { fields: CHECKOUT_FIELDS })
      .then(({ cart: full }) => {
        if (!stale && !(full as { completed_at?: unknown }).completed_at) setCart(full)
      })
      // The summary then shows Medusa's plain fields: nothing wrong is shown.
      .catch(() => {})
    return () => {
      stale = true
    }
  }, [sdk, cart?.id, missing])
}

/**
 * Medusa's totals of a cart or an order (the total is what is left to pay,
 * after points). Each line is one of Medusa's computed fields, never a sum
 * made here: with prices including VAT (EU regions) the lines include it and
 * the VAT is named inside the total; with prices excluding VAT the lines are
 * net and the VAT is a line of its own. Medusa computes
 * total = subtotal + tax_total − discount_subtotal − credit_line_total, and
 * original_total = original_item_total + original_shipping_total.
 */
export function Totals({ cart }: { cart: any }) {
  const c = cart.currency_code
  const shipped = !!cart.shipping_methods?.length
  const items: { is_tax_inclusive?: boolean }[] = cart.items ?? []
  const inclusive = items.length > 0 && items.every((i) => i.is_tax_inclusive)
  // Read without TOTALS_FIELDS (an older caller): Medusa's plain fields, as before.
  const full = hasTotals(cart)
  const itemsLine = full ? (inclusive ? cart.original_item_total : cart.item_subtotal) : (cart.item_subtotal ?? cart.subtotal)
  const shippingLine = full ? (inclusive ? cart.original_shipping_total : cart.shipping_subtotal) : cart.shipping_total
  const discount = full && !inclusive ? cart.discount_subtotal : cart.discount_total
  return (
    <dl className="totals">
      <dt>Items{full && !inclusive ? " (excl. VAT)" : ""}</dt>
      <dd>{money(itemsLine, c)}</dd>
      {Number(discount) > 0 && (
        <>
          <dt>Discount</dt>
          <dd>−{money(discount, c)}</dd>
        </>
      )}
      <dt>Shipping</dt>
      <dd data-testid="shipping-total">{shipped ? money(shippingLine, c) : "—"}</dd>
      {!(full && inclusive) && (
        <>
          <dt>VAT</dt>
          <dd>{money(cart.tax_total, c)}</dd>
        </>
      )}
      {Number(cart.credit_line_total) > 0 && (
        <>
          {/* Medusa's one credit total: points when every credit line is the plugin's ("loyalty"), else credits (e.g. a refund) */}
          <dt>{(cart.credit_lines ?? []).every((l: { reference?: string | null }) => l?.reference === "loyalty") ? "Paid with points" : "Credits"}</dt>
          <dd>−{money(cart.credit_line_total, c)}</dd>
        </>
      )}
      <dt className="grand">Total</dt>
      <dd className="grand" data-testid="cart-total">{money(cart.total, c)}</dd>
      {full && inclusive && (
        <>
          <dt className="muted">Including VAT</dt>
          <dd className="muted">{money(cart.tax_total, c)}</dd>
        </>
      )}
    </dl>
  )
}
