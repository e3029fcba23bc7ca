#!/usr/bin/env node
// `npm run bench`: builds the benchmark data set (500 stores, 2,000 variants),
// starts Medusa with the plugin, and measures in one run the plugin's
// endpoints against Medusa's own for the same cart:
//   locator  GET /store/pickup-stores?lat&lng&cart_id   vs GET /store/shipping-options?cart_id
//   checkout complete a pickup cart                      vs complete a delivery cart
//   history  GET /store/customers/me/history (pages 1, 50) vs GET /store/orders (same pages)
//   balance  loyalty balance of an account with 10,000 ledger entries (in-process)
// Prints p50/p95 and ratios and writes docs/PERFORMANCE.md. Not a test.
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { getFreePort, scratchDatabase } from "./lib/postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const medusa = path.join(root, "node_modules", ".bin", "medusa")
const LOCATOR_RUNS = Number(process.env.BENCH_LOCATOR_RUNS ?? 200)
const CHECKOUT_RUNS = Number(process.env.BENCH_CHECKOUT_RUNS ?? 60)
const HISTORY_RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 100)
const cleanups = []

const log = (m) => console.log(`[bench] ${m}`)

function run(args, env, { quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const out = []
    const child = spawn(medusa, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.on("data", (d) => (quiet ? out.push(d) : process.stdout.write(d)))
    child.stderr.on("data", (d) => out.push(d))
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args.join(" ")} failed (${code})\n${Buffer.concat(out).toString().slice(-3000)}`))
    )
  })
}

/** Runs `medusa exec` and returns the JSON after `marker` on its output. */
function execFor(script, marker, env) {
  return new Promise((resolve, reject) => {
    const out = []
    const child = spawn(medusa, ["exec", script], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    child.stdout.on("data", (d) => out.push(d))
    child.stderr.on("data", (d) => out.push(d))
    child.on("exit", (code) => {
      const text = Buffer.concat(out).toString()
      const line = text.split("\n").find((l) => l.startsWith(marker))
      if (code !== 0 || !line) return reject(new Error(`medusa exec ${script} failed (${code})\n${text.slice(-3000)}`))
      resolve(JSON.parse(line.slice(marker.length + 1)))
    })
  })
}

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)]
}
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((a, b) => a + b, 0) / s.length }
}

async function main() {
  const database = await scratchDatabase(`omnichannel_bench`, "omnichannel-bench-pg-")
  cleanups.push(database.stop)
  const databaseUrl = database.url
  const env = { DATABASE_URL: databaseUrl, DISABLE_ADMIN: "true", LOG_LEVEL: "error", NODE_ENV: "development" }

  log("migrating")
  await run(["db:migrate"], env)
  log("seeding the benchmark data set (first run takes a few minutes)")
  const seeded = Date.now()
  await run(["exec", "./bench/seed-bench.ts"], env)
  const history = await execFor("./bench/seed-history.ts", "BENCH_HISTORY", env)
  log(`seeded in ${((Date.now() - seeded) / 1000).toFixed(0)} s`)

  // With REDIS_URL: the production topology (a server and a worker sharing
  // Redis for events, locks and workflow state); without: one process.
  const redis = process.env.REDIS_URL
  const port = await getFreePort()
  const startProcess = (mode, p) => {
    const child = spawn(medusa, ["start"], {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(p), ...(redis ? { MEDUSA_WORKER_MODE: mode } : {}) },
      stdio: "ignore",
      detached: true,
    })
    cleanups.unshift(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
    })
    return child
  }
  const server = startProcess("server", port)
  if (redis) {
    startProcess("worker", await getFreePort())
  }
  const base = `http://localhost:${port}`
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break
    } catch {}
    if (i > 240 || server.exitCode !== null) throw new Error("medusa start did not come up")
    await new Promise((r) => setTimeout(r, 500))
  }

  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const key = (await db.query("select token from api_key where title = 'Web store key'")).rows[0].token
  const region = (await db.query("select id from region where name = 'France' and deleted_at is null")).rows[0].id
  const benchVariants = (await db.query("select id from product_variant where sku like 'bench-%' and deleted_at is null order by sku limit 10")).rows.map((r) => r.id)
  const mug = (await db.query("select id from product_variant where sku = 'MUG-INK'")).rows[0].id
  const bellecour = (await db.query("select id from stock_location where name = 'Lyon Bellecour'")).rows[0].id
  const counts = (await db.query("select (select count(*) from pickup_store where enabled) stores, (select count(*) from product_variant where deleted_at is null) variants, (select count(*) from inventory_level where deleted_at is null) levels")).rows[0]
  await db.end()
  log(`data: ${counts.stores} pickup stores, ${counts.variants} variants, ${counts.levels} inventory levels`)

  const headers = { "content-type": "application/json", "x-publishable-api-key": key }
  const call = async (method, url, body) => {
    const started = performance.now()
    const res = await fetch(`${base}${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined })
    const ms = performance.now() - started
    const json = await res.json()
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`)
    return { ms, json }
  }
  const newCart = async (items) =>
    (await call("POST", "/store/carts", {
      region_id: region,
      email: "bench@example.com",
      shipping_address: { first_name: "B", last_name: "Ench", address_1: "1 Rue", city: "Lyon", postal_code: "69002", country_code: "fr" },
      items,
    })).json.cart

  // Locator vs Medusa's shipping options, same 10-item cart, interleaved.
  const cart = await newCart(benchVariants.map((variant_id) => ({ variant_id, quantity: 1 })))
  const locatorUrl = `/store/pickup-stores?lat=45.7578&lng=4.832&cart_id=${cart.id}`
  const optionsUrl = `/store/shipping-options?cart_id=${cart.id}`
  for (let i = 0; i < 20; i++) {
    await call("GET", locatorUrl)
    await call("GET", optionsUrl)
  }
  const locator = []
  const options = []
  for (let i = 0; i < LOCATOR_RUNS; i++) {
    locator.push((await call("GET", locatorUrl)).ms)
    options.push((await call("GET", optionsUrl)).ms)
  }
  const sample = (await call("GET", locatorUrl)).json
  log(`locator returns ${sample.count} stores in range order; first page ${sample.stores.length} with availability`)

  // Checkout: pickup at Bellecour vs standard delivery, same one-item cart.
  const standard = async (cartId) =>
    (await call("GET", `/store/shipping-options?cart_id=${cartId}`)).json.shipping_options.find((o) => o.name === "Standard delivery").id
  const prepare = async (mode) => {
    const c = await newCart([{ variant_id: mug, quantity: 1 }])
    if (mode === "pickup") await call("POST", `/store/carts/${c.id}/pickup`, { location_id: bellecour })
    else await call("POST", `/store/carts/${c.id}/shipping-methods`, { option_id: await standard(c.id) })
    const pc = (await call("POST", "/store/payment-collections", { cart_id: c.id })).json.payment_collection
    await call("POST", `/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_system_default" })
    return c.id
  }
  const pickupTimes = []
  const deliveryTimes = []
  for (let i = 0; i < CHECKOUT_RUNS + 5; i++) {
    const [p, d] = [await prepare("pickup"), await prepare("delivery")]
    const tp = (await call("POST", `/store/carts/${p}/complete`)).ms
    const td = (await call("POST", `/store/carts/${d}/complete`)).ms
    if (i >= 5) {
      pickupTimes.push(tp)
      deliveryTimes.push(td)
    }
  }

  // Order history: one customer with thousands of orders on three channels;
  // the plugin's unified history against Medusa's own order list, first page
  // and the 50th, interleaved.
  const login = await fetch(`${base}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: history.email, password: "password123" }),
  })
  const customerHeaders = { ...headers, authorization: `Bearer ${(await login.json()).token}` }
  const timed = async (url) => {
    const started = performance.now()
    const res = await fetch(`${base}${url}`, { headers: customerHeaders })
    const json = await res.json()
    if (!res.ok) throw new Error(`GET ${url} → ${res.status} ${JSON.stringify(json)}`)
    return { ms: performance.now() - started, json }
  }
  const pages = { first: 0, fiftieth: 49 * 20 }
  const historyTimes = { first: [], fiftieth: [] }
  const ordersTimes = { first: [], fiftieth: [] }
  for (let i = 0; i < HISTORY_RUNS + 10; i++) {
    for (const page of Object.keys(pages)) {
      const h = await timed(`/store/customers/me/history?limit=20&offset=${pages[page]}`)
      const o = await timed(`/store/orders?limit=20&offset=${pages[page]}`)
      if (i >= 10) {
        historyTimes[page].push(h.ms)
        ordersTimes[page].push(o.ms)
      }
      if (i === 0 && page === "first") log(`history: ${h.json.count} orders for the customer, Medusa lists ${o.json.count}`)
    }
  }
  const balance = await execFor("./bench/balance-reads.ts", "BENCH_BALANCE", { ...env, BENCH_ACCOUNT_ID: history.account_id })
  log(`balance of an account with ${balance.entries} ledger entries: ${JSON.stringify(balance.balance)}`)

  const L = stats(locator)
  const O = stats(options)
  const P = stats(pickupTimes)
  const D = stats(deliveryTimes)
  const f = (x) => x.toFixed(1)
  const rows = [
    ["GET /store/pickup-stores?lat&lng&cart_id (plugin)", L],
    ["GET /store/shipping-options?cart_id (Medusa)", O],
    ["complete pickup cart (plugin hooks)", P],
    ["complete delivery cart (Medusa)", D],
    ["GET /store/customers/me/history, page 1 (plugin)", stats(historyTimes.first)],
    ["GET /store/orders, page 1 (Medusa)", stats(ordersTimes.first)],
    ["GET /store/customers/me/history, page 50 (plugin)", stats(historyTimes.fiftieth)],
    ["GET /store/orders, page 50 (Medusa)", stats(ordersTimes.fiftieth)],
  ]
  const table = [
    "| endpoint | n | p50 ms | p95 ms | mean ms |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map(([name, s]) => `| ${name} | ${s.n} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.mean)} |`),
  ].join("\n")
  const locatorRatio = L.p95 / O.p95
  const checkoutRatio = P.p95 / D.p95
  const checkoutRatio50 = P.p50 / D.p50
  const checkoutMet = checkoutRatio <= 1.15 && checkoutRatio50 <= 1.15
  const hr = (page, p) => stats(historyTimes[page])[p] / stats(ordersTimes[page])[p]
  const historyMet = ["first", "fiftieth"].every((page) => hr(page, "p50") <= 1.2 && hr(page, "p95") <= 1.2)
  const verdicts = [
    `locator p95 / shipping-options p95 = ${locatorRatio.toFixed(2)} (target ≤ 1.00: ${locatorRatio <= 1 ? "met" : "NOT met"})`,
    `pickup checkout / delivery checkout: p50 ${checkoutRatio50.toFixed(2)}, p95 ${checkoutRatio.toFixed(2)} (target ≤ 1.15 on both: ${checkoutMet ? "met" : "NOT met"})`,
    `history / Medusa orders: page 1 p50 ${hr("first", "p50").toFixed(2)}, p95 ${hr("first", "p95").toFixed(2)}; page 50 p50 ${hr("fiftieth", "p50").toFixed(2)}, p95 ${hr("fiftieth", "p95").toFixed(2)} (target ≤ 1.20: ${historyMet ? "met" : "NOT met"})`,
    `loyalty balance read, ${balance.entries} ledger entries: p50 ${balance.p50.toFixed(2)} ms, p95 ${balance.p95.toFixed(2)} ms (target p95 < 10 ms: ${balance.p95 < 10 ? "met" : "NOT met"})`,
  ]
  console.log(`\n${table}\n\n${verdicts.join("\n")}\n`)

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.env.DB_HOST ? "PostgreSQL at DB_HOST" : "embedded PostgreSQL"}`
  const topology = process.env.REDIS_URL
    ? "A Medusa server and a worker (\`medusa start\` with MEDUSA_WORKER_MODE=server / worker) sharing Redis for events, locking, workflow state and cache"
    : "One Medusa process (\`medusa start\`, in-process event bus and locking)"
  const doc = `# Performance

Measured by \`npm run bench\` (scripts/bench.mjs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}. ${topology}, requests sent one at a time from the same
machine.

Data set: ${counts.stores} pickup-enabled stores, ${counts.variants} variants,
${counts.levels} inventory levels (bench/seed-bench.ts on top of the demo seed).

- Locator: the same 10-item cart; the plugin's store locator sorted by distance
  with per-store availability, against Medusa's own shipping options for that
  cart. ${LOCATOR_RUNS} interleaved requests each after 20 warm-up pairs.
- Checkout: one-item carts prepared the same way (payment session with the
  system provider), one completed with pickup at Lyon Bellecour (the plugin's
  validate and before-payment hooks: lock, availability check, reservation
  moved to the store, pickup record) and one with standard delivery, in
  alternation, ${CHECKOUT_RUNS} each after 5 warm-up pairs.
- History: one customer with ${history.orders ?? "5,000"} orders over the web store, the app
  and the shops (bench/seed-history.ts); the plugin's unified history against
  Medusa's own \`GET /store/orders\` for the same customer, 20 per page, page 1
  and page 50, ${HISTORY_RUNS} interleaved requests each after 10 warm-up rounds.
- Balance: \`LoyaltyModuleService.balance()\` (available and pending summed from
  the ledger) for that customer's account with ${balance.entries} entries, ${balance.runs} reads in-process
  (bench/balance-reads.ts).

${table}

${verdicts.map((v) => `- ${v}`).join("\n")}
`
  // Hand-kept notes (run-to-run spread, analysis) below the generated part survive a new run.
  const file = path.join(root, "docs", "PERFORMANCE.md")
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  const kept = previous.indexOf("\n## Run-to-run spread")
  fs.writeFileSync(file, kept >= 0 ? `${doc}${previous.slice(kept)}` : doc)
  log("wrote docs/PERFORMANCE.md")
}

try {
  await main()
} catch (e) {
  console.error(`[bench] failed: ${e.message}`)
  process.exitCode = 1
} finally {
  for (const c of cleanups) {
    try {
      await c()
    } catch {}
  }
}
