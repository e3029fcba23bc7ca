import type { StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useEffect, useMemo, useState } from "react"
import { Link, useParams } from "react-router-dom"
import { useShop } from "../shop"
import { errorText, FieldError, money, when } from "../ui"
import { ProductArt } from "./Home"
import { orderOptions, orderOptionValues, orderVariants } from "./product/option-order"
import { CHECKOUT_FIELDS } from "./checkout/Totals"

export function ProductPage() {
  const { handle } = useParams()
  const { sdk, omni, region, ensureCart, setCart, origin, myStore } = useShop()
  const [product, setProduct] = useState<any | null>(null)
  const [selected, setSelected] = useState<Record<string, string>>({})
  const [quantity, setQuantity] = useState(1)
  const [stores, setStores] = useState<StorePickupStore[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [added, setAdded] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!region) return
    sdk.store.product
      .list({ handle, region_id: region.id, fields: "*variants.calculated_price,*variants.options,+variants.variant_rank,*options,*options.values" })
      .then(({ products }) => {
        // Loosely typed: the page reads the fields asked for above (prices, values with ranks), and sorts them in place.
        const p: any = products[0]
        if (!p) return setError("This product is no longer sold.")
        // Variants and each option's values in the merchant's order (product/option-order.ts).
        p.variants = orderVariants(p.variants ?? [])
        p.options = orderOptions(p.options ?? [], p.variants)
        for (const o of p.options) o.values = orderOptionValues(o.id, o.values ?? [], p.variants)
        // The first value of each option, when a variant has them all; else the first variant.
        const firsts: Record<string, string> = Object.fromEntries((p.options ?? []).filter((o: any) => o.values.length).map((o: any) => [o.id, o.values[0].value]))
        const start =
          p.variants.find((v: any) => (v.options ?? []).every((o: any) => firsts[o.option_id] === o.value)) ?? p.variants[0]
        setSelected(Object.fromEntries((start?.options ?? []).map((o: any) => [o.option_id, o.value])))
        setProduct(p)
      })
      .catch((e) => setError(errorText(e)))
  }, [sdk, region, handle])

  const variant = useMemo(
    () =>
      product?.variants?.find((v: any) => (v.options ?? []).every((o: any) => selected[o.option_id] === o.value)) ?? null,
    [product, selected]
  )

  // Stock at my store and the nearest others, for the chosen variant and quantity.
  useEffect(() => {
    if (!variant) return
    setStores(null)
    omni.pickupStores
      .list({ ...(origin ?? {}), variant_ids: [variant.id], quantities: [quantity], limit: 4 })
      .then(({ stores }) => setStores(stores))
      .catch(() => setStores([]))
  }, [omni, variant, quantity, origin?.lat, origin?.lng])

  const add = async () => {
    if (!variant) return
    setBusy(true)
    setError(null)
    try {
      const cart = await ensureCart()
      const { cart: updated } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity }, { fields: CHECKOUT_FIELDS })
      setCart(updated)
      setAdded(true)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  if (error && !product) return <p className="page field-error" role="alert">{error}</p>
  if (!product) return <p className="page" aria-busy="true">Loading…</p>
  const price = variant?.calculated_price?.calculated_amount
  return (
    <section className="page product">
      <ProductArt title={product.title} large />
      <div>
        <h1>{product.title}</h1>
        <p>{product.description}</p>
        {price != null && <p className="price big">{money(price, region?.currency_code)}</p>}
        {(product.options ?? []).map((option: any) => (
          <fieldset key={option.id} className="options">
            <legend>{option.title}</legend>
            {(option.values ?? []).map((v: any) => (
              <label key={v.id} className={`chip${selected[option.id] === v.value ? " chip-on" : ""}`}>
                <input
                  type="radio"
                  name={option.id}
                  value={v.value}
                  checked={selected[option.id] === v.value}
                  onChange={() => setSelected({ ...selected, [option.id]: v.value })}
                />
                {v.value}
              </label>
            ))}
          </fieldset>
        ))}
        <label className="field inline">
          Quantity
          <input type="number" min={1} max={20} value={quantity} onChange={(e) => setQuantity(Math.max(1, Number(e.target.value) || 1))} />
        </label>
        <button className="primary" onClick={add} disabled={!variant || busy}>
          {busy ? "Adding…" : "Add to cart"}
        </button>
        <FieldError>{error}</FieldError>
        {added && (
          <p className="notice" role="status">
            Added. <Link to="/cart">View cart</Link>
          </p>
        )}
        <section aria-labelledby="instore" className="instore">
          <h2 id="instore">Pick up in store</h2>
          {!origin && (
            <p className="muted">
              <Link to="/stores">Choose your store or share your location</Link> to see the nearest shops first.
            </p>
          )}
          {!stores && <p aria-busy="true">Checking the shops…</p>}
          <ul className="stock-list">
            {(stores ?? []).map((s) => {
              const a = s.availability?.items[0]
              const n = a?.available ?? 0
              return (
                <li key={s.id} data-store={s.name}>
                  <span className={`dot ${n >= quantity ? "in" : "out"}`} aria-hidden />
                  {n >= quantity ? (
                    <>
                      <strong>{n} at {s.name.replace(/^(Lyon|Villeurbanne) /, "")}</strong> · ready {when(s.next_pickup_at, s.timezone)}
                    </>
                  ) : (
                    <>
                      <strong>{n > 0 ? `Only ${n}` : "None"} at {s.name.replace(/^(Lyon|Villeurbanne) /, "")}</strong>
                    </>
                  )}
                  {s.id === myStore?.id && <span className="tag">my store</span>}
                  {s.distance_km != null && <span className="muted"> · {s.distance_km.toFixed(1)} km</span>}
                </li>
              )
            })}
          </ul>
        </section>
      </div>
    </section>
  )
}
