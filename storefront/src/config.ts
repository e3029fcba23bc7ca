/** What the storefront is pointed at: /config.json beside index.html (storefront/serve.mjs writes it). */
export type ShopConfig = {
  backendUrl: string
  publishableKeys: { web: string; app: string }
  /** A raster tile URL template for the store map ({z}/{x}/{y}); none: stores on a plain layer. */
  tileUrl?: string | null
}

/** The app is the same build served under /app/: it sells in the app's sales channel. */
export const isApp = () => location.pathname === "/app" || location.pathname.startsWith("/app/")

export async function loadConfig(): Promise<ShopConfig> {
  const res = await fetch(isApp() ? "/app/config.json" : "/config.json", { cache: "no-cache" })
  if (!res.ok) throw new Error(`config.json: ${res.status}`)
  return res.json()
}
