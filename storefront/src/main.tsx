import { createRoot } from "react-dom/client"
import { HashRouter } from "react-router-dom"
import { App } from "./App"
import { isApp, loadConfig } from "./config"
import { ShopProvider } from "./shop"
import "./styles.css"

/**
 * Links in emails are plain paths (the plugin's options recovery_url and
 * orderTransfers.accept_url): /cart/recover/:token and
 * /orders/:id/transfer/:token. The screens use hash routes, so move them there.
 */
function followEmailLink() {
  const prefix = isApp() ? "/app" : ""
  const rest = location.pathname.slice(prefix.length)
  if (/^\/(cart\/recover\/[^/]+|orders\/[^/]+\/transfer\/[^/]+)\/?$/.test(rest)) {
    history.replaceState(null, "", `${prefix}/#${rest}`)
  }
}

async function start() {
  followEmailLink()
  const root = createRoot(document.getElementById("root")!)
  try {
    const config = await loadConfig()
    if (isApp()) installApp()
    root.render(
      <HashRouter>
        <ShopProvider config={config}>
          <App />
        </ShopProvider>
      </HashRouter>
    )
  } catch (e) {
    root.render(<p className="page">The shop could not start: {(e as Error).message}</p>)
  }
}

/** The installable app: its manifest and a service worker that keeps the shell for offline starts. */
function installApp() {
  const link = document.createElement("link")
  link.rel = "manifest"
  link.href = "/app/manifest.webmanifest"
  document.head.appendChild(link)
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/app/sw.js", { scope: "/app/" }).catch(() => {})
  }
}

start()
