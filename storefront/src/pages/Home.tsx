import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { useShop } from "../shop"
import { errorText, money } from "../ui"

export function ProductArt({ title, large = false }: { title: string; large?: boolean }) {
  // No product photos in the demo catalog: a tile in a colour of the product's name.
  const hue = [...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7)
  return (
    <div className={`art${large ? " art-large" : ""}`} style={{ background: `hsl(${hue} 45% 88%)`, color: `hsl(${hue} 50% 25%)` }} aria-hidden>
      {title.split(" ").map((w) => w[0]).slice(0, 2).join("")}
    </div>
  )
}

export function Home() {
  const { sdk, region } = useShop()
  const [products, setProducts] = useState<any[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!region) return
    sdk.store.product
      .list({ region_id: region.id, limit: 50, fields: "id,title,handle,description,*variants.calculated_price" } as any)
      .then(({ products }) => setProducts(products))
      .catch((e) => setError(errorText(e)))
  }, [sdk, region])
  return (
    <section className="page">
      <h1>Shop</h1>
      <p className="lead">Order online, pick up today in one of our Lyon shops, or have it delivered.</p>
      {error && <p className="field-error" role="alert">{error}</p>}
      {!products && !error && <p aria-busy="true">Loading…</p>}
      <ul className="grid" aria-label="Products">
        {(products ?? []).map((p) => {
          const prices = (p.variants ?? []).map((v: any) => v.calculated_price?.calculated_amount).filter((x: any) => x != null)
          const from = prices.length ? Math.min(...prices) : null
          return (
            <li key={p.id} className="card product-card">
              <Link to={`/products/${p.handle}`}>
                <ProductArt title={p.title} />
                <h2>{p.title}</h2>
                {from !== null && <p className="price">{prices.length > 1 && new Set(prices).size > 1 ? "from " : ""}{money(from, region?.currency_code)}</p>}
              </Link>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
