/**
 * An attacker's shapes against every plugin route (src/api/**\/route.ts), as
 * the right actor: JSON nested 5,000 deep, a lone UTF-16 surrogate in every
 * string field, path ids that don't decode, 1 MB strings, far and impossible
 * dates, null / array / number where an object belongs, `javascript:` links.
 * Never a 5xx; the ones with a field answer a 400 that names it. A few
 * hundred requests. Then the slot horizon: a slot too far ahead is refused
 * and listed as not bookable, until the merchant widens it.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { loginStaff, placePickup } from "../helpers/desk"
import { createCart, loginCustomer, nextWeekday, variantIdsBySku } from "../helpers/store"

jest.setTimeout(300000)

type Actor = "shopper" | "staff" | "admin" | "nobody"
type Route = {
  method: "get" | "post" | "delete"
  /** with `:param` placeholders, filled from `params` */
  pattern: string
  actor: Actor
  query?: Record<string, string>
  body?: Record<string, unknown>
  /** query fields holding a date */
  dates?: string[]
}
type Res = { status: number; data: any }

const LONE = "\ud800x"
const BAD_ESCAPES = ["%ED%A0%80", "%E0%A4%A", "%"]
const MB = "x".repeat(1024 * 1024)

/** `{"a":{"a":…}}` `levels` deep, as text (JSON.stringify would recurse as deep). */
const deepJson = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`

/** Every string field of a body (one level into objects and the first element of arrays), as paths. */
function stringPaths(body: Record<string, unknown>): string[][] {
  const paths: string[][] = []
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") paths.push([key])
    const inner = Array.isArray(value) ? value[0] : value
    const prefix = Array.isArray(value) ? [key, "0"] : [key]
    if (typeof inner === "string" && Array.isArray(value)) paths.push(prefix)
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
      for (const [sub, v] of Object.entries(inner)) if (typeof v === "string") paths.push([...prefix, sub])
    }
  }
  return paths
}

/** Every object-valued field (one level), as keys: what null / [] / 42 replace. */
const objectKeys = (body: Record<string, unknown>) =>
  Object.keys(body).filter((k) => body[k] && typeof body[k] === "object" && !Array.isArray(body[k]))

/** A copy of `body` with the value at `path` replaced. */
function withValue(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body)
  let at: any = copy
  for (const k of path.slice(0, -1)) at = at[k]
  at[path[path.length - 1]] = value
  return copy
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let headers: Record<Actor, Record<string, string>>
    let params: Record<string, string>

    /** One request as `actor`; a string body is sent as it is (JSON). Never throws on a status. */
    const send = async (actor: Actor, method: Route["method"], url: string, body?: unknown): Promise<Res> => {
      const opts = {
        headers: { ...headers[actor], ...(typeof body === "string" ? { "content-type": "application/json" } : {}) },
        maxBodyLength: Infinity,
        maxContentLength: Infinity,
        validateStatus: () => true,
      }
      const res = method === "get" ? await api.get(url, opts) : method === "delete" ? await api.delete(url, opts) : await api.post(url, body ?? {}, opts)
      return { status: res.status, data: res.data }
    }

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK"])
    })

    it("answers every attacker's shape on every plugin route without a 5xx, and names the field", async () => {
      const shopper = await loginCustomer(api, 0)
      const admin = await adminHeaders(api)
      const publishable = { "x-publishable-api-key": seed.publishable_keys["Web store"] }
      headers = {
        shopper: { ...publishable, authorization: `Bearer ${shopper.token}` },
        staff: { authorization: `Bearer ${await loginStaff(api, 0)}` },
        admin: admin.headers,
        nobody: {},
      }
      const bellecour = seed.locations["bellecour"]
      const { pickup_id, order } = await placePickup(api, seed, { store: "bellecour", lines: [{ variant_id: variants["MUG-INK"], quantity: 1 }] })
      const shop = {
        post: (url: string, body?: unknown) => api.post(url, body ?? {}, { headers: headers.shopper }),
        get: (url: string) => api.get(url, { headers: headers.shopper }),
        delete: (url: string) => api.delete(url, { headers: headers.shopper }),
        headers: headers.shopper,
        fail: async (p: Promise<any>) => p,
      }
      const cart = await createCart(shop as any, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const customerId = (await shop.get("/store/customers/me")).data.customer.id
      const staffId = (await send("staff", "get", "/staff/me")).data.staff.id
      const segmentId = (await send("admin", "post", "/admin/segments", { name: "Fuzzed", rule: "recent_buyers", params: { days: 30 } })).data.segment.id
      params = { pickup: pickup_id, order: order.id, cart: cart.id, customer: customerId, staff: staffId, segment: segmentId, location: bellecour, shipment: "ful_01FUZZ", line: "ordli_01FUZZ", token: "abc.def.ghi" }

      const desk = (base: string, actor: Actor): Route[] => [
        { method: "get", pattern: `${base}/pickups`, actor, query: { location_id: bellecour, q: "Martin", ready_from: "2026-01-01", ready_to: "2026-12-31" }, dates: ["ready_from", "ready_to"] },
        { method: "get", pattern: `${base}/pickups/:pickup`, actor },
        { method: "post", pattern: `${base}/pickups/verify`, actor, body: { location_id: bellecour, code: "ABCDEFGHJK" } },
        { method: "post", pattern: `${base}/pickups/:pickup/prepare`, actor, body: {} },
        { method: "post", pattern: `${base}/pickups/:pickup/ready`, actor, body: { items: [{ line_item_id: "ordli_x", quantity: 1, rejected_quantity: 0, reason: "x" }] } },
        { method: "post", pattern: `${base}/pickups/:pickup/collect`, actor, body: { code: "ABCDEFGHJK", collected_by: { name: "Paul", relation: "partner" } } },
        { method: "post", pattern: `${base}/pickups/:pickup/cancel`, actor, body: { reason: "x" } },
        { method: "get", pattern: `${base}/shipments`, actor, query: { location_id: bellecour, status: "to_ship" } },
        { method: "get", pattern: `${base}/shipments/:shipment`, actor },
        { method: "post", pattern: `${base}/shipments/:shipment/pick`, actor, body: {} },
        { method: "post", pattern: `${base}/shipments/:shipment/pack`, actor, body: {} },
        { method: "post", pattern: `${base}/shipments/:shipment/ship`, actor, body: { carrier: "Colissimo", tracking_number: "6A1", tracking_url: "https://example.com/t/6A1" } },
        { method: "post", pattern: `${base}/shipments/:shipment/lines/:line/reject`, actor, body: { reason: "Broken" } },
      ]
      const routes: Route[] = [
        { method: "get", pattern: "/store/pickup-stores", actor: "shopper", query: { q: "Lyon", postal_code: "69002", country_code: "fr" } },
        { method: "get", pattern: "/store/pickup-stores/:location", actor: "shopper" },
        { method: "get", pattern: "/store/pickup-stores/:location/slots", actor: "shopper", query: { date: nextWeekday(2) }, dates: ["date"] },
        { method: "post", pattern: "/store/carts/:cart/pickup", actor: "shopper", body: { location_id: bellecour, pickup_person: { name: "Léa", email: "lea@example.com", phone: "+33 6 00 00 00 00" } } },
        { method: "post", pattern: "/store/carts/:cart/loyalty", actor: "shopper", body: { points: 100 } },
        { method: "get", pattern: "/store/carts/recover/:token", actor: "shopper" },
        { method: "get", pattern: "/store/orders/:order/progress", actor: "shopper" },
        { method: "get", pattern: "/store/customers/me/pickups", actor: "shopper", query: { order_id: "order_x" } },
        { method: "get", pattern: "/store/customers/me/pickups/:pickup", actor: "shopper" },
        { method: "post", pattern: "/store/customers/me/pickups/:pickup/arrived", actor: "shopper", body: { note: "Red car" } },
        { method: "get", pattern: "/store/customers/me/history", actor: "shopper", query: { channel: "web" } },
        { method: "get", pattern: "/store/customers/me/recent-purchases", actor: "shopper", query: { days: "30" } },
        { method: "get", pattern: "/store/customers/me/loyalty", actor: "shopper", query: { order_id: "order_x" } },
        { method: "get", pattern: "/staff/me", actor: "staff" },
        ...desk("/staff", "staff"),
        { method: "post", pattern: "/staff/sales", actor: "staff", body: { location_id: bellecour, customer: { email: "x@example.com" }, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }] } },
        { method: "get", pattern: "/staff/products", actor: "staff", query: { location_id: bellecour, q: "mug", scan: "false" } },
        { method: "get", pattern: "/staff/orders", actor: "staff", query: { q: "1" } },
        { method: "post", pattern: "/staff/orders", actor: "staff", body: { location_id: bellecour, customer: { walk_in: true, email: "x@example.com" }, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }], fulfillment: { type: "pickup", location_id: bellecour }, payment: { method: "cash" } } },
        { method: "get", pattern: "/staff/orders/:order/receipt", actor: "staff" },
        { method: "post", pattern: "/staff/returns", actor: "staff", body: { order_id: order.id, location_id: bellecour, items: [{ id: "ordli_x", quantity: 1, reason: "x", restock: true }], note: "x" } },
        ...desk("/admin", "admin"),
        { method: "get", pattern: "/admin/pickup-stores", actor: "admin", query: { enabled: "true" } },
        { method: "get", pattern: "/admin/pickup-stores/:location", actor: "admin" },
        { method: "post", pattern: "/admin/pickup-stores/:location", actor: "admin", body: { timezone: "Europe/Paris", hours: { mon: [["10:00", "19:00"]] }, closures: [{ from: "2026-12-25", to: "2026-12-26", label: "Christmas" }], instructions: "Desk at the back", phone: "04", email: "a@example.com" } },
        { method: "get", pattern: "/admin/pickup-staff", actor: "admin", query: { q: "x", location_id: bellecour } },
        { method: "post", pattern: "/admin/pickup-staff", actor: "admin", body: { email: "fuzz@example.com", password: "long-enough", first_name: "F", last_name: "Z", location_ids: [bellecour] } },
        { method: "get", pattern: "/admin/pickup-staff/:staff", actor: "admin" },
        { method: "post", pattern: "/admin/pickup-staff/:staff", actor: "admin", body: { first_name: "Léa" } },
        { method: "delete", pattern: "/admin/pickup-staff/:staff", actor: "admin" },
        { method: "post", pattern: "/admin/pickup-staff/:staff/stores", actor: "admin", body: { location_ids: [bellecour] } },
        { method: "get", pattern: "/admin/stock-drift", actor: "admin" },
        { method: "post", pattern: "/admin/stock-drift/repair", actor: "admin", body: { level_ids: ["ilev_x"] } },
        { method: "get", pattern: "/admin/fulfillment-routing", actor: "admin" },
        { method: "post", pattern: "/admin/fulfillment-routing", actor: "admin", body: { channels: [{ sales_channel_id: "sc_x", policy: null }] } },
        { method: "get", pattern: "/admin/orders/:order/allocation", actor: "admin" },
        { method: "get", pattern: "/admin/loyalty/program", actor: "admin" },
        { method: "post", pattern: "/admin/loyalty/program", actor: "admin", body: { earn_rates: { eur: 1 }, tiers: [{ name: "Silver", threshold: 500, multiplier: 1.25 }] } },
        { method: "get", pattern: "/admin/customers/:customer/loyalty", actor: "admin", query: { order_id: "order_x" } },
        { method: "post", pattern: "/admin/customers/:customer/loyalty/adjustments", actor: "admin", body: { points: 1, reason: "Goodwill" } },
        { method: "get", pattern: "/admin/customers/:customer/recent-purchases", actor: "admin", query: { days: "30" } },
        { method: "get", pattern: "/admin/recent-purchases", actor: "admin", query: { since: new Date(Date.now() - 10 * 86400000).toISOString().slice(0, 10) }, dates: ["since"] },
        { method: "get", pattern: "/admin/segments", actor: "admin" },
        { method: "post", pattern: "/admin/segments", actor: "admin", body: { name: "Fuzz", handle: "fuzz", rule: "seasonal_buyers", params: { from: "2025-12-01", to: "2025-12-24" } } },
        { method: "get", pattern: "/admin/segments/:segment", actor: "admin" },
        { method: "post", pattern: "/admin/segments/:segment", actor: "admin", body: { name: "Fuzzed again", description: "x" } },
        { method: "delete", pattern: "/admin/segments/:segment", actor: "admin" },
        { method: "get", pattern: "/admin/segments/:segment/members", actor: "admin", query: { format: "json" } },
        { method: "post", pattern: "/admin/segments/:segment/refresh", actor: "admin", body: {} },
        { method: "get", pattern: "/admin/abandoned-carts", actor: "admin", query: { status: "reminded" } },
        { method: "get", pattern: "/admin/omnichannel-metrics", actor: "admin", query: { from: "2026-01-01", to: "2026-06-30" }, dates: ["from", "to"] },
        { method: "get", pattern: "/pickup-desk", actor: "nobody" },
        { method: "get", pattern: "/pickup-desk/desk.js", actor: "nobody" },
        { method: "get", pattern: "/pickup-desk/desk.css", actor: "nobody" },
      ]

      const failures: string[] = []
      let requests = 0
      const url = (pattern: string, query?: Record<string, string>, fill: Record<string, string> = {}) =>
        pattern.replace(/:(\w+)/g, (_, name) => fill[name] ?? params[name]) + (query ? `?${new URLSearchParams(query)}` : "")
      /** Sends; a 5xx (or no answer) is a failure; returns the answer for the field checks. */
      const probe = async (what: string, route: Route, u: string, body?: unknown): Promise<Res> => {
        requests++
        const res = await send(route.actor, route.method, u, body).catch((e) => ({ status: 0, data: String(e) }))
        if (res.status === 0 || res.status >= 500) failures.push(`${what}: ${route.method.toUpperCase()} ${u.slice(0, 120)} → ${res.status} ${JSON.stringify(res.data)?.slice(0, 200)}`)
        return res
      }
      /** A 400 whose errors[].path (bodies) or message (queries) names `field`. */
      const expectNamed = (what: string, res: Res, field: string, via: "errors" | "message" = "errors") => {
        const named = via === "errors" ? res.data?.errors?.[0]?.path === field : String(res.data?.message ?? "").includes(field)
        if (res.status !== 400 || !named) failures.push(`${what}: expected a 400 naming ${field}, got ${res.status} ${JSON.stringify(res.data)?.slice(0, 200)}`)
      }

      for (const route of routes) {
        const plain = url(route.pattern, route.query)

        // Bad percent escapes in each path id: a 400 naming the route's parameter.
        for (const [, name] of route.pattern.matchAll(/:(\w+)/g)) {
          const param = { location: route.pattern.startsWith("/admin/pickup-stores") ? "location_id" : "id", line: "line_item_id", token: "token" }[name] ?? "id"
          for (const escape of BAD_ESCAPES) {
            const res = await probe("bad escape", route, url(route.pattern, route.query, { [name]: escape }), route.body)
            expectNamed(`bad escape ${escape} in :${name} of ${route.pattern}`, res, param)
          }
        }

        // Query values: lone surrogates can't travel as UTF-8, their bytes can; huge, far and impossible values.
        for (const key of Object.keys(route.query ?? {})) {
          for (const value of ["%ED%A0%80", "x".repeat(8000)]) {
            await probe(`query ${key}`, route, `${route.pattern.replace(/:(\w+)/g, (_, n) => params[n])}?${key}=${value}`)
          }
        }
        for (const key of route.dates ?? []) {
          await probe(`far date ?${key}`, route, url(route.pattern, { ...route.query, [key]: "9999-12-31" }))
          const res = await probe(`impossible date ?${key}`, route, url(route.pattern, { ...route.query, [key]: "2026-02-30" }))
          expectNamed(`impossible date in ?${key} of ${route.pattern}`, res, key, "message")
        }

        if (route.method !== "post" || !route.body) continue
        const body = route.body

        // 5,000 levels deep: a 400 before anything else, naming where it went too deep.
        const deep = await probe("deep JSON", route, plain, deepJson(5000))
        if (deep.status !== 400 || !/^a(\.a){31}$/.test(deep.data?.errors?.[0]?.path ?? "")) {
          failures.push(`deep JSON on ${route.pattern} → ${deep.status} ${JSON.stringify(deep.data)?.slice(0, 200)}`)
        }

        // A lone surrogate in every string field: a 400 naming it. 1 MB in the first one: refused, never a 5xx.
        const strings = stringPaths(body)
        for (const path of strings) {
          const res = await probe(`lone surrogate in ${path.join(".")}`, route, plain, withValue(body, path, LONE))
          expectNamed(`lone surrogate in ${path.join(".")} of ${route.pattern}`, res, path.join("."))
        }
        if (strings.length) await probe("1 MB string", route, plain, withValue(body, strings[0], MB))
        await probe("lone surrogate key", route, plain, { ...body, [LONE]: 1 })

        // null / array / number / string where the body or one of its objects belongs.
        for (const whole of ["null", "[]", "42", '"x"', "[{}]"]) await probe(`body ${whole}`, route, plain, whole)
        for (const key of objectKeys(body)) {
          for (const value of [null, [], 42, "x"]) await probe(`${key} = ${JSON.stringify(value)}`, route, plain, { ...body, [key]: value })
        }
      }

      // Sampled fields whose 400 must name them.
      const ship: Route = routes.find((r) => r.pattern === "/staff/shipments/:shipment/ship")!
      for (const link of ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.com/x"]) {
        expectNamed(`tracking_url ${link}`, await probe("tracking link", ship, url(ship.pattern), { ...ship.body, tracking_url: link }), "tracking_url")
      }
      const settings = routes.find((r) => r.method === "post" && r.pattern === "/admin/pickup-stores/:location")!
      expectNamed("closure 30 February", await probe("closure", settings, url(settings.pattern), { closures: [{ from: "2026-02-30", to: "2026-03-01" }] }), "closures.0.from")
      for (const days of [0, 366, 1.5]) {
        expectNamed(`slot_horizon_days ${days}`, await probe("horizon", settings, url(settings.pattern), { slot_horizon_days: days }), "slot_horizon_days")
      }
      const pickup = routes.find((r) => r.pattern === "/store/carts/:cart/pickup")!
      const far = await probe("far slot", pickup, url(pickup.pattern), { location_id: bellecour, slot_start: "9999-12-31T10:00:00+01:00" })
      if (far.status !== 400 || !/^slot_start: .* is more than 30 days ahead$/.test(far.data?.message)) failures.push(`far slot → ${far.status} ${JSON.stringify(far.data)}`)
      expectNamed("slot 30 February", await probe("slot date", pickup, url(pickup.pattern), { location_id: bellecour, slot_start: "2027-02-30T10:00:00+01:00" }), "slot_start")

      expect(failures).toEqual([])
      expect(requests).toBeGreaterThan(300)
      expect(requests).toBeLessThan(1000)
    })

    it("refuses a slot past the store's horizon and lists it as not bookable, until the merchant widens the horizon", async () => {
      const admin = await adminHeaders(api)
      const { token } = await loginCustomer(api, 1)
      const keys = { "x-publishable-api-key": seed.publishable_keys["Web store"], authorization: `Bearer ${token}` }
      const shop = { post: (u: string, b?: unknown) => api.post(u, b ?? {}, { headers: keys }), headers: keys, get: (u: string) => api.get(u, { headers: keys }) }
      const bellecour = seed.locations["bellecour"]
      // A Tuesday some 40 days ahead, open at 10:00 (Bellecour: 30-minute slots from 10:00).
      const day = nextWeekday(2, 40)
      const slotsOf = async () => (await api.get(`/store/pickup-stores/${bellecour}/slots?date=${day}`, { headers: keys })).data
      const slotStart = () => slotsOf().then((d) => d.slots[2]?.start as string)

      const before = await slotsOf()
      expect(before.slots.length).toBeGreaterThan(0)
      expect(before.slots.every((s: any) => !s.available)).toBe(true)
      const store = (await api.get(`/store/pickup-stores/${bellecour}`, { headers: keys })).data.store
      expect(store.slots).toEqual(expect.objectContaining({ horizon_days: 30 }))

      const cart = await createCart(shop as any, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const slot = await slotStart()
      const refused = await api.post(`/store/carts/${cart.id}/pickup`, { location_id: bellecour, slot_start: slot }, { headers: keys, validateStatus: () => true })
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`slot_start: ${slot} is more than 30 days ahead`)

      const saved = await api.post(`/admin/pickup-stores/${bellecour}`, { slot_horizon_days: 60 }, admin)
      expect(saved.data.store.slot_horizon_days).toBe(60)
      expect((await slotsOf()).slots.some((s: any) => s.available)).toBe(true)
      const chosen = await api.post(`/store/carts/${cart.id}/pickup`, { location_id: bellecour, slot_start: slot }, { headers: keys })
      expect(new Date(chosen.data.pickup.slot_start).getTime()).toBe(new Date(slot).getTime())
    })
  },
})
