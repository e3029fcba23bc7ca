/**
 * The shop's state, shared by every screen: Medusa's JS SDK and the plugin's
 * typed client (publishable key of this channel), the region, the cart (one
 * per channel, its id kept in localStorage), the logged-in customer, "my
 * store" and the shopper's position.
 */
import Medusa from "@medusajs/js-sdk"
import { omnichannelStore, type OmnichannelStoreClient, type StorePickupStore } from "medusa-plugin-omnichannel/client"
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react"
import { isApp, type ShopConfig } from "./config"
import { forgetLastSeen, isNetworkError, keepCustomer, lastSeenCustomer } from "./lastSeen"

export type Cart = any
export type Customer = { id: string; email: string; first_name: string | null; last_name: string | null; phone?: string | null }
export type Position = { latitude: number; longitude: number; label: string }
export type MyStore = Pick<StorePickupStore, "id" | "name" | "latitude" | "longitude">

/** Everything a cart screen shows: Medusa's totals, the items, the shipping methods. */
export const CART_FIELDS =
  "id,email,currency_code,region_id,sales_channel_id,customer_id,total,subtotal,item_subtotal,tax_total,shipping_total,discount_total,original_total,credit_line_total,*credit_lines,*items,*items.variant,*items.thumbnail,*shipping_methods,*shipping_address,metadata,*payment_collection"

type Shop = {
  config: ShopConfig
  channel: "web" | "app"
  channelName: string
  sdk: Medusa
  omni: OmnichannelStoreClient
  region: { id: string; currency_code: string; countries?: { iso_2: string }[] } | null
  cart: Cart | null
  setCart: (cart: Cart | null) => void
  refreshCart: () => Promise<Cart | null>
  ensureCart: () => Promise<Cart>
  customer: Customer | null
  /** The browser says it has a network (navigator.onLine, kept up to date). */
  online: boolean
  login: (email: string, password: string) => Promise<void>
  register: (input: { email: string; password: string; first_name: string; last_name: string }) => Promise<void>
  logout: () => Promise<void>
  myStore: MyStore | null
  setMyStore: (store: MyStore | null) => void
  position: Position | null
  setPosition: (p: Position | null) => void
  /** Where to measure distances from: the shopper's position, else their store. */
  origin: { lat: number; lng: number } | null
}

const ShopContext = createContext<Shop | null>(null)

export function useShop() {
  const shop = useContext(ShopContext)
  if (!shop) throw new Error("useShop outside ShopProvider")
  return shop
}

const read = <T,>(key: string): T | null => {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : null
  } catch {
    return null
  }
}
const write = (key: string, value: unknown) =>
  value === null ? localStorage.removeItem(key) : localStorage.setItem(key, JSON.stringify(value))

const TOKEN_KEY = "lumiere_customer_token"
const hasToken = () => {
  try {
    return !!localStorage.getItem(TOKEN_KEY)
  } catch {
    return false
  }
}

/** navigator.onLine, followed: offline screens say so and keep what they last showed. */
function useOnline() {
  const [online, setOnline] = useState(() => typeof navigator === "undefined" || navigator.onLine !== false)
  useEffect(() => {
    const on = () => setOnline(true)
    const off = () => setOnline(false)
    window.addEventListener("online", on)
    window.addEventListener("offline", off)
    return () => {
      window.removeEventListener("online", on)
      window.removeEventListener("offline", off)
    }
  }, [])
  return online
}

export function ShopProvider({ config, children }: { config: ShopConfig; children: ReactNode }) {
  const channel = isApp() ? "app" : "web"
  const sdk = useMemo(
    () =>
      new Medusa({
        baseUrl: config.backendUrl,
        publishableKey: config.publishableKeys[channel],
        // The customer's token in localStorage: the web shop and the app are
        // one origin, so a shopper logged in on one is logged in on the other.
        auth: { type: "jwt", jwtTokenStorageMethod: "local", jwtTokenStorageKey: TOKEN_KEY },
      }),
    [config, channel]
  )
  const omni = useMemo(() => omnichannelStore(sdk), [sdk])
  const cartKey = `lumiere_cart_${channel}`
  const [region, setRegion] = useState<Shop["region"]>(null)
  const [cart, setCartState] = useState<Cart | null>(null)
  // Signed in as last seen while the session is checked (or offline): no
  // flash of the login form, and no lost session in a dead zone.
  const [customer, setCustomer] = useState<Customer | null>(() => (hasToken() ? lastSeenCustomer<Customer>() : null))
  const online = useOnline()
  const [myStore, setMyStoreState] = useState<MyStore | null>(() => read<MyStore>("lumiere_my_store"))
  const [position, setPositionState] = useState<Position | null>(() => read<Position>("lumiere_position"))

  const setCart = useCallback(
    (c: Cart | null) => {
      setCartState(c)
      write(cartKey, c ? c.id : null)
    },
    [cartKey]
  )

  const refreshCart = useCallback(async () => {
    const id = read<string>(cartKey)
    if (!id) return null
    try {
      const { cart } = await sdk.store.cart.retrieve(id, { fields: CART_FIELDS })
      // A completed cart is an order now: start a new one.
      if ((cart as any).completed_at) {
        setCart(null)
        return null
      }
      setCartState(cart)
      return cart
    } catch (e) {
      // Only a cart that no longer exists is forgotten: offline or a server
      // error keeps its id for the next try.
      if ((e as { status?: number }).status === 404) setCart(null)
      return null
    }
  }, [sdk, cartKey, setCart])

  const ensureCart = useCallback(async () => {
    const existing = cart ?? (await refreshCart())
    if (existing) return existing
    const { cart: created } = await sdk.store.cart.create(
      { region_id: region?.id, ...(customer ? { email: customer.email } : {}) },
      { fields: CART_FIELDS }
    )
    setCart(created)
    return created
  }, [cart, refreshCart, sdk, region, customer, setCart])

  const loadCustomer = useCallback(async () => {
    if (!hasToken()) {
      setCustomer(null)
      return null
    }
    try {
      const { customer } = await sdk.store.customer.retrieve()
      keepCustomer(customer)
      setCustomer(customer as Customer)
      return customer as Customer
    } catch (e) {
      // Only the server saying "not signed in" ends the session: offline, or
      // a server error, keeps the shopper signed in as last seen.
      if ((e as { status?: number }).status === 401) {
        forgetLastSeen()
        setCustomer(null)
        return null
      }
      const kept = isNetworkError(e) ? lastSeenCustomer<Customer>() : null
      if (kept) setCustomer(kept)
      return kept
    }
  }, [sdk])

  // On start, and again when the network comes back (what failed offline).
  useEffect(() => {
    if (!online) return
    sdk.store.region
      .list({ limit: 10 })
      .then(({ regions }) => setRegion((regions[0] as any) ?? null))
      .catch(() => {}) // offline or down: the next "online" tries again
    refreshCart()
    loadCustomer()
  }, [sdk, refreshCart, loadCustomer, online])

  /** After logging in, the open cart becomes the customer's (Medusa's cart transfer). */
  const adoptCart = useCallback(async () => {
    const id = read<string>(cartKey)
    if (!id) return
    try {
      const { cart } = await sdk.store.cart.transferCart(id, { fields: CART_FIELDS })
      setCartState(cart)
    } catch {
      await refreshCart()
    }
  }, [sdk, cartKey, refreshCart])

  const login = useCallback(
    async (email: string, password: string) => {
      const token = await sdk.auth.login("customer", "emailpass", { email, password })
      if (typeof token !== "string") throw new Error("This account needs another way to log in")
      await loadCustomer()
      await adoptCart()
    },
    [sdk, loadCustomer, adoptCart]
  )

  const register = useCallback(
    async (input: { email: string; password: string; first_name: string; last_name: string }) => {
      await sdk.auth.register("customer", "emailpass", { email: input.email, password: input.password })
      await sdk.store.customer.create({ email: input.email, first_name: input.first_name, last_name: input.last_name })
      // The registration token can't be used for everything: log in properly.
      await sdk.auth.login("customer", "emailpass", { email: input.email, password: input.password })
      await loadCustomer()
      await adoptCart()
    },
    [sdk, loadCustomer, adoptCart]
  )

  const logout = useCallback(async () => {
    // With a JWT, Medusa's logout only forgets the token: it works offline too.
    await sdk.auth.logout().catch(() => {})
    forgetLastSeen()
    setCustomer(null)
    // The session is shared by the web shop and the app: so is forgetting their carts.
    write("lumiere_cart_web", null)
    write("lumiere_cart_app", null)
    setCart(null)
  }, [sdk, setCart])

  const setMyStore = useCallback((s: MyStore | null) => {
    setMyStoreState(s)
    write("lumiere_my_store", s)
  }, [])
  const setPosition = useCallback((p: Position | null) => {
    setPositionState(p)
    write("lumiere_position", p)
  }, [])

  const origin = position
    ? { lat: position.latitude, lng: position.longitude }
    : myStore?.latitude != null && myStore.longitude != null
      ? { lat: myStore.latitude, lng: myStore.longitude }
      : null

  const value: Shop = {
    config,
    channel,
    channelName: channel === "app" ? "Mobile app" : "Web store",
    sdk,
    omni,
    region,
    cart,
    setCart,
    refreshCart,
    ensureCart,
    customer,
    online,
    login,
    register,
    logout,
    myStore,
    setMyStore,
    position,
    setPosition,
    origin,
  }
  return <ShopContext.Provider value={value}>{children}</ShopContext.Provider>
}
