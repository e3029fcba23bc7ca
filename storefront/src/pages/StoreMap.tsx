import L from "leaflet"
import "leaflet/dist/leaflet.css"
import type { StorePickupStore } from "medusa-plugin-omnichannel/client"
import { useEffect, useRef } from "react"

/**
 * A map label as a text node: Leaflet inserts a string tooltip as HTML, and a
 * store's name is typed by the merchant (a name with markup would run script
 * here, where the shopper's token is).
 */
function textLabel(text: string): HTMLElement {
  const span = document.createElement("span")
  span.textContent = text
  return span
}

/**
 * The stores on a Leaflet map. Tiles come from the configured URL template
 * (config.json `tileUrl`, e.g. an OpenStreetMap tile server); without one the
 * stores sit on a plain layer with a scale, which still shows where they are
 * from each other and from the shopper.
 */
export function StoreMap({
  stores,
  origin,
  tileUrl,
  selectedId,
  onSelect,
}: {
  stores: StorePickupStore[]
  origin: { lat: number; lng: number } | null
  tileUrl?: string | null
  selectedId?: string | null
  onSelect?: (id: string) => void
}) {
  const el = useRef<HTMLDivElement>(null)
  const map = useRef<L.Map | null>(null)
  const layer = useRef<L.LayerGroup | null>(null)

  useEffect(() => {
    if (!el.current || map.current) return
    // No animations: permanent labels stay on their markers, and a phone does less work.
    map.current = L.map(el.current, { zoomControl: true, attributionControl: !!tileUrl, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false }).setView([45.76, 4.84], 12)
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19, attribution: "© OpenStreetMap contributors" }).addTo(map.current)
    L.control.scale({ imperial: false }).addTo(map.current)
    layer.current = L.layerGroup().addTo(map.current)
    return () => {
      map.current?.remove()
      map.current = null
    }
  }, [tileUrl])

  useEffect(() => {
    const m = map.current
    const group = layer.current
    if (!m || !group) return
    group.clearLayers()
    const points: L.LatLngExpression[] = []
    for (const s of stores) {
      if (s.latitude == null || s.longitude == null) continue
      const at: L.LatLngExpression = [s.latitude, s.longitude]
      points.push(at)
      const selected = s.id === selectedId
      L.circleMarker(at, {
        radius: selected ? 11 : 8,
        color: "#1f3a5f",
        weight: 2,
        fillColor: selected ? "#e07a2f" : s.open_now ? "#2e7d4f" : "#8a94a6",
        fillOpacity: 0.95,
      })
        .bindTooltip(textLabel(s.name.replace(/^(Lyon|Villeurbanne) /, "")), { permanent: true, direction: "right", offset: [10, 0], className: "map-label" })
        .on("click", () => onSelect?.(s.id))
        .addTo(group)
    }
    if (origin) {
      points.push([origin.lat, origin.lng])
      L.circleMarker([origin.lat, origin.lng], { radius: 6, color: "#fff", weight: 3, fillColor: "#2563eb", fillOpacity: 1 })
        .bindTooltip(textLabel("You"), { permanent: true, direction: "left", offset: [-8, 0], className: "map-label" })
        .addTo(group)
    }
    if (points.length) m.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 14, animate: false })
  }, [stores, origin?.lat, origin?.lng, selectedId, onSelect])

  return <div ref={el} className={`map${tileUrl ? "" : " map-plain"}`} role="region" aria-label={`Map of ${stores.length} stores (the list beside it has the same stores)`} />
}
