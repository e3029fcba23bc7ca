import { useEffect } from "react"
import { NavLink, Route, Routes, useLocation } from "react-router-dom"
import { useShop } from "./shop"
import { Home } from "./pages/Home"
import { ProductPage } from "./pages/Product"
import { StoresPage } from "./pages/Stores"
import { CartPage, RecoverCartPage } from "./pages/Cart"
import { CheckoutPage } from "./pages/Checkout"
import { OrderPage } from "./pages/Order"
import { AcceptTransferPage, AccountPage } from "./pages/Account"

/** A new screen: its title in the tab and focus on its heading, so screen readers say where they are. */
function useScreenChange() {
  const { pathname } = useLocation()
  useEffect(() => {
    const t = setTimeout(() => {
      const h1 = document.querySelector<HTMLElement>("main h1")
      document.title = h1?.textContent ? `${h1.textContent} · Lumière Lyon` : "Lumière Lyon"
      const from = document.activeElement
      // Only when focus was on nothing or on the menu: never away from a field being filled in.
      if (h1 && (from === document.body || from?.closest("header"))) {
        h1.tabIndex = -1
        h1.focus({ preventScroll: true })
      }
    }, 300)
    return () => clearTimeout(t)
  }, [pathname])
}

export function App() {
  const { cart, customer, myStore, channel, channelName } = useShop()
  useScreenChange()
  const count = (cart?.items ?? []).reduce((n: number, i: any) => n + Number(i.quantity), 0)
  return (
    <>
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById("main")?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <NavLink to="/" className="brand" aria-label="Lumière Lyon, home">
          Lumière<span> Lyon</span>
        </NavLink>
        <span className={`channel channel-${channel}`} title="Orders placed here are recorded in this sales channel">
          {channelName}
        </span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Shop
          </NavLink>
          <NavLink to="/stores">Stores</NavLink>
          <NavLink to="/account">{customer ? "Account" : "Log in"}</NavLink>
          <NavLink to="/cart" aria-label={`Cart, ${count} item${count === 1 ? "" : "s"}`}>
            Cart <span className="badge">{count}</span>
          </NavLink>
        </nav>
      </header>
      {myStore && (
        <p className="mystore-bar">
          My store: <strong>{myStore.name}</strong> · <NavLink to="/stores">change</NavLink>
        </p>
      )}
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/products/:handle" element={<ProductPage />} />
          <Route path="/stores" element={<StoresPage />} />
          <Route path="/cart" element={<CartPage />} />
          <Route path="/cart/recover/:token" element={<RecoverCartPage />} />
          <Route path="/checkout" element={<CheckoutPage />} />
          <Route path="/orders/:id/transfer/:token" element={<AcceptTransferPage />} />
          <Route path="/orders/:id" element={<OrderPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route path="*" element={<p className="page">This page doesn't exist.</p>} />
        </Routes>
      </main>
    </>
  )
}
