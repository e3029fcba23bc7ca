import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"
import pg from "pg"

/**
 * Medusa's production topology: two `medusa start` servers and one worker
 * (MEDUSA_WORKER_MODE) on one PostgreSQL database, sharing Redis for the event
 * bus, workflow engine, locking and cache (medusa-config.js with REDIS_URL).
 * Concurrent pickup checkouts for an item stocked at two stores go through
 * both servers; the plugin's checkout locks must hold across processes.
 * Routed deliveries follow routing settings saved on the other server at
 * once (the settings cache is shared in Redis), hold under concurrency, and
 * a parcel shipped from a store notifies through the worker.
 *
 * Runs only when REDIS_URL is set (jest.config.js hands it over as
 * OMNICHANNEL_TOPOLOGY_REDIS_URL and leaves it out of the in-process tests;
 * without it the global setup says this test was left out and why). It
 * empties that Redis database first: give it one of its own.
 */
const REDIS_URL = process.env.OMNICHANNEL_TOPOLOGY_REDIS_URL!
const root = path.resolve(__dirname, "../..")
const medusa = path.join(root, "node_modules", ".bin", "medusa")

jest.setTimeout(15 * 60_000)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

const children: ChildProcess[] = []
function medusaRun(args: string[], env: Record<string, string>, { wait = true } = {}) {
  const child = spawn(medusa, args, {
    cwd: root,
    env: { ...process.env, ...env, NODE_OPTIONS: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let output = ""
  child.stdout!.on("data", (d) => (output = (output + d).slice(-20000)))
  child.stderr!.on("data", (d) => (output = (output + d).slice(-20000)))
  if (!wait) {
    children.push(child)
    return { child, output: () => output }
  }
  return new Promise<string>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`medusa ${args.join(" ")}: ${code}\n${output}`))))
  )
}

async function flushRedis(url: string) {
  const Redis = require("ioredis")
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await client.connect()
  await client.flushdb()
  await client.quit()
}

describe("production topology: 2 servers + 1 worker on Redis", () => {
  const { DB_HOST, DB_PORT, DB_USERNAME, DB_PASSWORD } = process.env
  const auth = DB_PASSWORD ? `${DB_USERNAME}:${DB_PASSWORD}` : `${DB_USERNAME ?? "postgres"}`
  const serverUrl = `postgres://${auth}@${DB_HOST ?? "localhost"}:${DB_PORT ?? 5432}`
  const dbName = `omnichannel_topology_${Date.now()}`
  const databaseUrl = `${serverUrl}/${dbName}`
  let db: pg.Client
  let bases: string[] = []

  beforeAll(async () => {
    await flushRedis(REDIS_URL)
    const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` })
    await admin.connect()
    await admin.query(`create database ${dbName}`)
    await admin.end()
    const env = { DATABASE_URL: databaseUrl, REDIS_URL, DISABLE_ADMIN: "true", LOG_LEVEL: "error", NODE_ENV: "development" }
    await medusaRun(["db:migrate"], env)
    await medusaRun(["exec", "./data/seed.ts"], env)

    const ports = [await freePort(), await freePort(), await freePort()]
    const procs = [
      medusaRun(["start"], { ...env, PORT: String(ports[0]), MEDUSA_WORKER_MODE: "server" }, { wait: false }),
      medusaRun(["start"], { ...env, PORT: String(ports[1]), MEDUSA_WORKER_MODE: "server" }, { wait: false }),
      medusaRun(["start"], { ...env, PORT: String(ports[2]), MEDUSA_WORKER_MODE: "worker" }, { wait: false }),
    ]
    bases = ports.slice(0, 2).map((p) => `http://localhost:${p}`)
    for (const [i, base] of bases.entries()) {
      for (let t = 0; ; t++) {
        try {
          if ((await fetch(`${base}/health`)).ok) break
        } catch {}
        const p = procs[i] as { child: ChildProcess; output: () => string }
        if (t > 480 || p.child.exitCode !== null) throw new Error(`server ${i + 1} did not start:\n${p.output()}`)
        await new Promise((r) => setTimeout(r, 500))
      }
    }
    db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
  })

  afterAll(async () => {
    for (const c of children) {
      try {
        process.kill(-c.pid!, "SIGKILL")
      } catch {}
    }
    await db?.end().catch(() => {})
    const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` })
    await admin.connect()
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {})
    await admin.end()
  })

  async function call(base: string, method: string, url: string, body?: any, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: res.status, data: (await res.json().catch(() => null)) as any }
  }

  /** An item's inventory over the Admin API, and a way to set its stock at a location. */
  async function inventoryOf(sku: string, adminH: Record<string, string>) {
    const { data } = await call(bases[0], "GET", `/admin/inventory-items?sku=${sku}&fields=id,location_levels.location_id`, undefined, adminH)
    const item = data.inventory_items[0]
    const setLevel = async (location: string, qty: number) => {
      const has = item.location_levels.some((l: any) => l.location_id === location)
      const url = has ? `/admin/inventory-items/${item.id}/location-levels/${location}` : `/admin/inventory-items/${item.id}/location-levels`
      expect((await call(bases[0], "POST", url, has ? { stocked_quantity: qty } : { location_id: location, stocked_quantity: qty }, adminH)).status).toBe(200)
    }
    return { item, setLevel }
  }

  /** Every level's reserved quantity equals its live reservations (../shared/tools/stock-drift.sql). */
  async function expectNoDrift() {
    const drift = await db.query(
      `select il.id from inventory_level il
         left join (select inventory_item_id, location_id, sum(quantity) live from reservation_item where deleted_at is null group by 1, 2) r
           on r.inventory_item_id = il.inventory_item_id and r.location_id = il.location_id
        where il.deleted_at is null and il.reserved_quantity <> coalesce(r.live, 0)`
    )
    expect(drift.rows).toEqual([])
  }

  it("10 checkouts through both servers for the last 4 units at B (A stocks it too): 4 orders at B, exact stock, events on the worker", async () => {
    const one = async (sql: string, args: any[] = []) => (await db.query(sql, args)).rows[0]
    const key = (await one("select token from api_key where title = 'Web store key'")).token
    const region = (await one("select id from region where name = 'France' and deleted_at is null")).id
    const loc = async (name: string) => (await one("select id from stock_location where name = $1", [name])).id
    const [croixRousse, vaise] = [await loc("Lyon Croix-Rousse"), await loc("Lyon Vaise")] // no safety stock
    const variant = (await one("select id from product_variant where sku = 'BEANIE-FOREST'")).id
    const { data: login } = await call(bases[0], "POST", "/auth/user/emailpass", { email: "admin@example.com", password: "supersecret" })
    const adminH = { authorization: `Bearer ${login.token}` }
    const store = { "x-publishable-api-key": key }

    // The beanie only at the two stores, 6 and 4.
    const { item, setLevel } = await inventoryOf("BEANIE-FOREST", adminH)
    for (const l of item.location_levels) await setLevel(l.location_id, 0)
    await setLevel(croixRousse, 6)
    await setLevel(vaise, 6)

    const newCart = async (base: string) =>
      (await call(base, "POST", "/store/carts", {
        region_id: region,
        email: "topology@example.com",
        items: [{ variant_id: variant, quantity: 1 }],
      }, store)).data.cart
    const pay = async (base: string, cartId: string) => {
      const { data: pc } = await call(base, "POST", "/store/payment-collections", { cart_id: cartId }, store)
      await call(base, "POST", `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
    }

    // Which store would Medusa core reserve at? A delivery control order tells, then is canceled.
    const control = await newCart(bases[0])
    const { data: opts } = await call(bases[0], "GET", `/store/shipping-options?cart_id=${control.id}`, undefined, store)
    await call(bases[0], "POST", `/store/carts/${control.id}/shipping-methods`, { option_id: opts.shipping_options.find((o: any) => o.name === "Standard delivery").id }, store)
    await pay(bases[0], control.id)
    const controlOrder = (await call(bases[0], "POST", `/store/carts/${control.id}/complete`, {}, store)).data.order
    const a = (await one("select location_id from reservation_item where line_item_id = $1 and deleted_at is null", [controlOrder.items[0].id])).location_id
    expect(await call(bases[0], "POST", `/admin/orders/${controlOrder.id}/cancel`, {}, adminH)).toEqual(expect.objectContaining({ status: 200 }))
    const b = a === croixRousse ? vaise : croixRousse
    await setLevel(a, 6)
    await setLevel(b, 4)

    // Ten shoppers, alternating servers and routes (the plugin's, Medusa's shipping-methods).
    const carts: { id: string; base: string }[] = []
    for (let i = 0; i < 10; i++) {
      const base = bases[i % 2]
      const cart = await newCart(base)
      if (i % 4 < 2) {
        expect((await call(base, "POST", `/store/carts/${cart.id}/pickup`, { location_id: b }, store)).status).toBe(200)
      } else {
        const { data } = await call(base, "GET", `/store/shipping-options?cart_id=${cart.id}`, undefined, store)
        const option = data.shipping_options.find((o: any) => o.service_zone?.fulfillment_set?.type === "pickup" && o.name.endsWith(b === vaise ? "Lyon Vaise" : "Lyon Croix-Rousse"))
        expect((await call(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: option.id }, store)).status).toBe(200)
      }
      await pay(base, cart.id)
      carts.push({ id: cart.id, base: bases[(i + 1) % 2] }) // completed on the other server
    }
    const results = await Promise.all(carts.map((c) => call(c.base, "POST", `/store/carts/${c.id}/complete`, {}, store)))
    const orders = results.filter((r) => r.status === 200 && r.data.type === "order")
    const conflicts = results.filter((r) => r.status === 409)
    expect({ orders: orders.length, conflicts: conflicts.length }).toEqual({ orders: 4, conflicts: 6 })
    for (const c of conflicts) expect(c.data.message).toContain(`Not enough stock at ${b === vaise ? "Lyon Vaise" : "Lyon Croix-Rousse"}`)

    const live = (await db.query(
      "select location_id, sum(quantity)::int q from reservation_item where inventory_item_id = $1 and deleted_at is null group by location_id",
      [item.id]
    )).rows
    expect(live).toEqual([{ location_id: b, q: 4 }])
    const levels = (await db.query(
      "select location_id, stocked_quantity::int s, reserved_quantity::int r from inventory_level where inventory_item_id = $1 and location_id = any($2) order by location_id",
      [item.id, [a, b]]
    )).rows
    expect(Object.fromEntries(levels.map((l) => [l.location_id, [l.s, l.r]]))).toEqual({ [a]: [6, 0], [b]: [4, 4] })
    await expectNoDrift()

    // pickup.placed reached the worker through Redis: one notification per pickup.
    // (the demo's year of history has collected pickups at every store: only these orders' count)
    const placed = (await db.query("select id, location_id from pickup_order where order_id = any($1)", [orders.map((o) => o.data.order.id)])).rows
    expect(placed.map((p) => p.location_id)).toEqual([b, b, b, b])
    const pickups = placed.map((p) => p.id)
    let sent: any[] = []
    for (let t = 0; t < 120 && sent.length < 4; t++) {
      sent = (await db.query("select resource_id from notification where trigger_type = 'pickup.placed' and resource_id = any($1)", [pickups])).rows
      if (sent.length < 4) await new Promise((r) => setTimeout(r, 500))
    }
    expect(sent.map((s) => s.resource_id).sort()).toEqual([...pickups].sort())
  })

  it("routed deliveries across both servers: settings saved on one apply on the other at once, exact under concurrency, shipped with the worker's notification", async () => {
    const one = async (sql: string, args: any[] = []) => (await db.query(sql, args)).rows[0]
    const key = (await one("select token from api_key where title = 'Web store key'")).token
    const region = (await one("select id from region where name = 'France' and deleted_at is null")).id
    const loc = async (name: string) => (await one("select id from stock_location where name = $1", [name])).id
    const [croixRousse, vaise] = [await loc("Lyon Croix-Rousse"), await loc("Lyon Vaise")]
    const variant = (await one("select id from product_variant where sku = 'MUG-INK'")).id
    const { data: login } = await call(bases[0], "POST", "/auth/user/emailpass", { email: "admin@example.com", password: "supersecret" })
    const adminH = { authorization: `Bearer ${login.token}` }
    const store = { "x-publishable-api-key": key }

    const { item, setLevel } = await inventoryOf("MUG-INK", adminH)
    for (const l of item.location_levels) await setLevel(l.location_id, 0)
    await setLevel(croixRousse, 2)
    await setLevel(vaise, 3)
    const route = (base: string, body: any) => call(base, "POST", "/admin/fulfillment-routing", body, adminH)
    expect(
      (await route(bases[0], {
        default: { rules: ["priority"], priority: [croixRousse, vaise] },
        locations: [{ location_id: croixRousse, ships: true }, { location_id: vaise, ships: true }],
      })).status
    ).toBe(200)

    const deliveryCart = async (base: string) => {
      const { data } = await call(base, "POST", "/store/carts", {
        region_id: region,
        email: "routed@example.com",
        shipping_address: { first_name: "Camille", last_name: "Martin", address_1: "1 Rue", city: "Lyon", postal_code: "69004", country_code: "fr" },
        items: [{ variant_id: variant, quantity: 1 }],
      }, store)
      const { data: opts } = await call(base, "GET", `/store/shipping-options?cart_id=${data.cart.id}`, undefined, store)
      await call(base, "POST", `/store/carts/${data.cart.id}/shipping-methods`, { option_id: opts.shipping_options.find((o: any) => o.name === "Standard delivery").id }, store)
      const { data: pc } = await call(base, "POST", "/store/payment-collections", { cart_id: data.cart.id }, store)
      await call(base, "POST", `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, store)
      return data.cart.id as string
    }
    const reservedAt = async (orderId: string) =>
      (await db.query(
        "select r.location_id from reservation_item r join order_item oi on oi.item_id = r.line_item_id where oi.order_id = $1 and r.deleted_at is null",
        [orderId]
      )).rows.map((r) => r.location_id)

    // Server 2 routes (and caches the settings); server 1 turns Croix-Rousse's shipping off; server 2 follows at once.
    const first = await call(bases[1], "POST", `/store/carts/${await deliveryCart(bases[1])}/complete`, {}, store)
    expect(first.status).toBe(200)
    expect(await reservedAt(first.data.order.id)).toEqual([croixRousse])
    expect((await route(bases[0], { locations: [{ location_id: croixRousse, ships: false }] })).status).toBe(200)
    const second = await call(bases[1], "POST", `/store/carts/${await deliveryCart(bases[1])}/complete`, {}, store)
    expect(await reservedAt(second.data.order.id)).toEqual([vaise])
    expect((await route(bases[1], { locations: [{ location_id: croixRousse, ships: true }] })).status).toBe(200)

    // 3 units left (1 at Croix-Rousse, 2 at Vaise), 6 shoppers through both servers.
    const carts = []
    for (let i = 0; i < 6; i++) carts.push({ id: await deliveryCart(bases[i % 2]), base: bases[(i + 1) % 2] })
    const results = await Promise.all(carts.map((c) => call(c.base, "POST", `/store/carts/${c.id}/complete`, {}, store)))
    expect({ orders: results.filter((r) => r.status === 200).length, conflicts: results.filter((r) => r.status === 409).length }).toEqual({ orders: 3, conflicts: 3 })
    const levels = (await db.query(
      "select location_id, stocked_quantity::int s, reserved_quantity::int r from inventory_level where inventory_item_id = $1 and location_id = any($2)",
      [item.id, [croixRousse, vaise]]
    )).rows
    expect(Object.fromEntries(levels.map((l) => [l.location_id, [l.s, l.r]]))).toEqual({ [croixRousse]: [2, 2], [vaise]: [3, 3] })
    await expectNoDrift()

    // Vaise ships the second order, one step per server; the worker tells the shopper.
    const { data: queue } = await call(bases[0], "GET", `/admin/shipments?location_id=${vaise}`, undefined, adminH)
    const shipment = queue.shipments.find((s: any) => s.order.id === second.data.order.id)
    expect((await call(bases[1], "POST", `/admin/shipments/${shipment.id}/pick`, {}, adminH)).status).toBe(200)
    expect((await call(bases[0], "POST", `/admin/shipments/${shipment.id}/pack`, {}, adminH)).status).toBe(200)
    const shipped = await call(bases[1], "POST", `/admin/shipments/${shipment.id}/ship`, { carrier: "Colissimo", tracking_number: "6A999" }, adminH)
    expect(shipped.status).toBe(200)
    expect(shipped.data.shipment.status).toBe("shipped")
    let sent: any[] = []
    for (let t = 0; t < 120 && !sent.length; t++) {
      sent = (await db.query("select id from notification where trigger_type = 'shipment.shipped' and resource_id = $1", [second.data.order.id])).rows
      if (!sent.length) await new Promise((r) => setTimeout(r, 500))
    }
    expect(sent).toHaveLength(1)
  })
})
