import type { StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useEffect, useState } from "react"
import { useShop } from "../shop"
import { errorText, FieldError, hoursToday, when } from "../ui"
import { StoreMap } from "./StoreMap"

export function StoresPage() {
  const { omni, config, origin, position, setPosition, myStore, setMyStore } = useShop()
  const [stores, setStores] = useState<StorePickupStore[] | null>(null)
  const [search, setSearch] = useState("")
  const [filter, setFilter] = useState<{ q?: string; postal_code?: string }>({})
  const [error, setError] = useState<string | null>(null)
  const [locating, setLocating] = useState(false)

  useEffect(() => {
    setError(null)
    const query = filter.postal_code ? { postal_code: filter.postal_code, country_code: "fr" } : { ...(origin ?? {}), ...(filter.q ? { q: filter.q } : {}) }
    omni.pickupStores
      .list({ ...query, limit: 50 })
      .then(({ stores }) => setStores(stores))
      .catch((e) => {
        setStores([])
        setError(errorText(e))
      })
  }, [omni, origin?.lat, origin?.lng, filter])

  const find = (e: React.FormEvent) => {
    e.preventDefault()
    const text = search.trim()
    if (/^\d{5}$/.test(text)) setFilter({ postal_code: text })
    else setFilter(text ? { q: text } : {})
  }

  const locate = () => {
    if (!("geolocation" in navigator)) return setError("This browser can't share its location: type a city or postcode.")
    setLocating(true)
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false)
        setFilter({})
        setSearch("")
        setPosition({ latitude: p.coords.latitude, longitude: p.coords.longitude, label: "your location" })
      },
      () => {
        setLocating(false)
        setError("Your location isn't available: type a city or postcode instead.")
      },
      { timeout: 10_000, maximumAge: 300_000 }
    )
  }

  return (
    <section className="page stores-page">
      <h1>Find a store</h1>
      <form className="search" onSubmit={find} role="search">
        <label className="field">
          City or postcode
          <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. 69004 or Villeurbanne" aria-describedby="search-error" />
        </label>
        <button type="submit">Search</button>
        <button type="button" onClick={locate} disabled={locating}>
          {locating ? "Locating…" : "Use my location"}
        </button>
      </form>
      <FieldError id="search-error">{error}</FieldError>
      {position && !filter.postal_code && <p className="muted">Nearest to {position.label} first.</p>}
      <div className="stores-layout">
        <StoreMap stores={stores ?? []} origin={filter.postal_code ? null : origin} tileUrl={config.tileUrl} selectedId={myStore?.id} />
        <ol className="store-list" aria-label="Stores">
          {stores === null && <li aria-busy="true">Loading stores…</li>}
          {stores?.length === 0 && !error && <li>No store matches.</li>}
          {(stores ?? []).map((s) => (
            <li key={s.id} className={`card store${s.id === myStore?.id ? " mine" : ""}`} data-store={s.name}>
              <div className="store-head">
                <h2>{s.name}</h2>
                {s.distance_km != null && <span className="distance">{s.distance_km.toFixed(1)} km</span>}
              </div>
              <p className="muted">
                {s.address.address_1}, {s.address.postal_code} {s.address.city}
              </p>
              <p>
                <span className={s.open_now ? "open" : "closed"}>{s.open_now ? "Open now" : "Closed now"}</span> · {hoursToday(s)}
              </p>
              <p>Order now, ready {when(s.next_pickup_at, s.timezone)}{s.curbside ? " · curbside pickup" : ""}</p>
              {s.id === myStore?.id ? (
                <p className="tag">My store</p>
              ) : (
                <button onClick={() => setMyStore({ id: s.id, name: s.name, latitude: s.latitude, longitude: s.longitude })}>
                  Make this my store
                </button>
              )}
            </li>
          ))}
        </ol>
      </div>
    </section>
  )
}
