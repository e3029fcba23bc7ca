import { spawn, type ChildProcess } from "node:child_process"
import path from "node:path"
import pg from "pg"
import net from "node:net"
import type { Page } from "playwright-core"

function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

export type DemoApp = { base: string; shop: string; keys: Record<string, string>; databaseUrl: string; stop: () => Promise<void> }

/**
 * The demo app exactly as `npm run demo` runs it (migrations, seed, `medusa
 * develop` with the admin dashboard), on a fresh database of the test
 * PostgreSQL and a free port. Used by the admin browser tests: the test
 * runner of @medusajs/test-utils boots Medusa without the dashboard.
 */
export async function startDemoApp(): Promise<DemoApp> {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const auth = DB_PASSWORD ? `${DB_USERNAME}:${DB_PASSWORD}` : `${DB_USERNAME ?? "postgres"}`
  const server = `postgres://${auth}@${DB_HOST ?? "localhost"}:${DB_PORT ?? 5432}`
  const name = `omnichannel_admin_${Date.now()}`
  const admin = new pg.Client({ connectionString: `${server}/postgres` })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const databaseUrl = `${server}/${name}`
  const port = await getFreePort()
  const root = path.resolve(__dirname, "../..")
  const child: ChildProcess = spawn(process.execPath, ["scripts/demo.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "development", LOG_LEVEL: "error", NODE_OPTIONS: "", SHOP_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let output = ""
  child.stdout!.on("data", (d) => (output += d))
  child.stderr!.on("data", (d) => (output += d))
  const deadline = Date.now() + 6 * 60_000
  while (!output.includes("Omnichannel demo is running")) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`demo did not start:\n${output.slice(-4000)}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  const keys = Object.fromEntries(
    [...output.matchAll(/^\s+(Web store|Mobile app|In-store) key\s+(pk_\w+)/gm)].map((m) => [m[1], m[2]])
  )
  const shop = output.match(/^\s+Web shop\s+(http:\/\/\S+)/m)?.[1]
  if (!shop) throw new Error(`demo printed no storefront URL:\n${output.slice(-2000)}`)
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGINT")
    } catch {}
    const until = Date.now() + 30_000
    while (child.exitCode === null && child.signalCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 200))
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {}
    const cleanup = new pg.Client({ connectionString: `${server}/postgres` })
    await cleanup.connect()
    await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {})
    await cleanup.end()
  }
  return { base: `http://localhost:${port}`, shop, keys, databaseUrl, stop }
}

export type DemoApiInit = { method?: string; body?: unknown; token?: string; key?: string }
/** A call to a demo app's API; the answer's JSON (each spec reads what its routes answer). */
export type DemoApi = (path: string, init?: DemoApiInit) => Promise<any>

/**
 * JSON calls to the demo's API as a storefront, the desk or the admin makes
 * them: a body means POST unless `method` says otherwise, `token` a bearer,
 * `key` a publishable key. A refusal throws with the path, status and answer.
 * Takes the app lazily: specs start it in beforeAll.
 */
export const demoApi =
  (app: () => DemoApp): DemoApi =>
  async (path, init = {}) => {
    const res = await fetch(`${app().base}${path}`, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: {
        "content-type": "application/json",
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.key ? { "x-publishable-api-key": init.key } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    })
    const data = await res.json().catch(() => null)
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(data)}`)
    return data
  }

/** Payment with Medusa's system provider, then completion, through the Store API: the placed order. */
export async function payAndComplete(api: DemoApi, cartId: string, auth: { key: string; token?: string }) {
  const { payment_collection } = await api("/store/payment-collections", { ...auth, body: { cart_id: cartId } })
  await api(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { ...auth, body: { provider_id: "pp_system_default" } })
  const placed = await api(`/store/carts/${cartId}/complete`, { ...auth, body: {} })
  expect(placed.type).toBe("order")
  return placed.order
}

/** Logs a seeded shopper in on the storefront's account page (from the nav), until it greets them. */
export async function logInOnShop(page: Page, who: { email: string; password: string; first_name: string }) {
  await page.click("nav >> text=Log in")
  await page.getByLabel("Email").fill(who.email)
  await page.getByLabel("Password").fill(who.password)
  await page.getByRole("button", { name: "Log in", exact: true }).click()
  await page.waitForSelector(`text=Hello ${who.first_name}`)
}
