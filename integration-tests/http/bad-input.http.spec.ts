/**
 * Every plugin route against generated bad input, as the right actor: NUL
 * characters in path ids, query values and body strings; numbers past their
 * column (2^31, -2^31, 1e308); wrong types; dates PostgreSQL refuses; long
 * strings; unknown keys. Never a 500; a NUL character is a 400 naming its
 * field; a bad body's 400 lists the field's path.
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedDemoData, SeedResult } from "../../data/seed"
import { adminHeaders } from "../helpers/admin"
import { bearerClient, loginStaff, placePickup } from "../helpers/desk"
import { createCart, loginCustomer, storeClient, variantIdsBySku } from "../helpers/store"

jest.setTimeout(600000)

type Route = {
  method: "get" | "post" | "delete"
  path: string
  actor: "shopper" | "staff" | "admin"
  query?: Record<string, string>
  body?: Record<string, unknown>
}

const NUL = "a\u0000b"
const BAD_NUMBERS = [2 ** 31, -(2 ** 31), 1e308, -1e308, 0.5]
const BAD_VALUES: unknown[] = [NUL, ...BAD_NUMBERS, "", "x".repeat(5000), true, null, [], {}, ["\u0000"], { $ne: null }]
const BAD_QUERY = ["\u0000", "-271821-04-21", "275760-09-14", "1e400", "-1", "abc", "x".repeat(3000), "[]", "%"]

/** Each bad version of a body: every key replaced by every bad value, and an unknown key. */
function* badBodies(body: Record<string, unknown>): Generator<[string, Record<string, unknown>]> {
  for (const key of Object.keys(body)) {
    for (const value of BAD_VALUES) yield [key, { ...body, [key]: value }]
    // One level down (items, collected_by, pickup_person, hours…).
    const inner = body[key]
    const first = Array.isArray(inner) ? inner[0] : inner
    if (first && typeof first === "object") {
      for (const sub of Object.keys(first)) {
        for (const value of [NUL, 2 ** 31, -1e308, [], null]) {
          const changed = { ...(first as object), [sub]: value }
          yield [`${key}.${Array.isArray(inner) ? "0." : ""}${sub}`, { ...body, [key]: Array.isArray(inner) ? [changed] : changed }]
        }
      }
    }
  }
  yield ["unknown key", { ...body, "__proto__x": 1 }]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let seed: SeedResult
    let variants: Record<string, string>
    let clients: Record<Route["actor"], ReturnType<typeof bearerClient>>
    let routes: Route[]

    beforeAll(async () => {
      seed = await seedDemoData(getContainer())
      variants = await variantIdsBySku(getContainer(), ["MUG-INK"])
    })

    it("answers every bad input on every plugin route without a 500; NUL characters and bad fields are 400s that name them", async () => {
      // One placed pickup (so ids exist), a cart, the three actors.
      const shopper = await loginCustomer(api, 0)
      const shop = storeClient(api, seed, "Web store", shopper.token)
      const staffToken = await loginStaff(api, 0)
      const { headers } = await adminHeaders(api)
      clients = {
        shopper: shop as any,
        staff: bearerClient(api, staffToken),
        admin: bearerClient(api, headers.authorization.replace("Bearer ", "")),
      }
      const bellecour = seed.locations["bellecour"]
      const { pickup_id } = await placePickup(api, seed, { store: "bellecour", lines: [{ variant_id: variants["MUG-INK"], quantity: 1 }] })
      const cart = await createCart(shop as any, seed, [{ variant_id: variants["MUG-INK"], quantity: 1 }])
      const customerId = (await shop.get("/store/customers/me")).data.customer.id
      const staffId = (await clients.staff.get("/staff/me")).data.staff.id
      const segmentId = (await clients.admin.post("/admin/segments", { name: "Fuzzed", rule: "recent_buyers", params: { days: 30 } })).data.segment.id

      routes = [
        { method: "get", path: "/store/pickup-stores", actor: "shopper", query: { lat: "45.7", lng: "4.8", radius_km: "10", cart_id: cart.id, limit: "5", offset: "0" } },
        { method: "get", path: "/store/pickup-stores", actor: "shopper", query: { variant_ids: variants["MUG-INK"], quantities: "1" } },
        { method: "get", path: `/store/pickup-stores/${bellecour}`, actor: "shopper" },
        { method: "get", path: `/store/pickup-stores/${bellecour}/slots`, actor: "shopper", query: { date: "2026-12-01" } },
        { method: "post", path: `/store/carts/${cart.id}/pickup`, actor: "shopper", body: { location_id: bellecour, slot_start: "2026-12-01T10:00:00+01:00", pickup_person: { name: "Léa", email: "lea@example.com", phone: "+33" } } },
        { method: "post", path: `/store/carts/${cart.id}/loyalty`, actor: "shopper", body: { points: 100 } },
        { method: "get", path: "/store/customers/me/pickups", actor: "shopper", query: { status: "placed", limit: "5", offset: "0" } },
        { method: "get", path: `/store/customers/me/pickups/${pickup_id}`, actor: "shopper" },
        { method: "post", path: `/store/customers/me/pickups/${pickup_id}/arrived`, actor: "shopper", body: { note: "Red car" } },
        { method: "get", path: "/store/customers/me/history", actor: "shopper", query: { limit: "5", offset: "0" } },
        { method: "get", path: "/store/customers/me/recent-purchases", actor: "shopper", query: { days: "30", limit: "5", offset: "0" } },
        { method: "get", path: "/store/customers/me/loyalty", actor: "shopper", query: { limit: "5", offset: "0", order_id: "order_x" } },
        { method: "get", path: "/staff/pickups", actor: "staff", query: { location_id: bellecour, status: "placed", q: "Martin", ready_from: "2026-01-01", ready_to: "2026-12-31", limit: "5", offset: "0" } },
        { method: "get", path: `/staff/pickups/${pickup_id}`, actor: "staff" },
        { method: "post", path: "/staff/pickups/verify", actor: "staff", body: { location_id: bellecour, code: "ABCDEFGHJK" } },
        { method: "post", path: `/staff/pickups/${pickup_id}/ready`, actor: "staff", body: { items: [{ line_item_id: "ordli_x", quantity: 1, rejected_quantity: 0, reason: "x" }] } },
        { method: "post", path: `/staff/pickups/${pickup_id}/collect`, actor: "staff", body: { code: "ABCDEFGHJK", collected_by: { name: "Paul", relation: "partner" } } },
        { method: "post", path: `/staff/pickups/${pickup_id}/cancel`, actor: "staff", body: { reason: "x" } },
        { method: "post", path: "/staff/sales", actor: "staff", body: { location_id: bellecour, customer: { email: "x@example.com" }, items: [{ variant_id: variants["MUG-INK"], quantity: 1 }] } },
        { method: "get", path: "/admin/pickup-stores", actor: "admin", query: { limit: "5", offset: "0", enabled: "true" } },
        { method: "post", path: `/admin/pickup-stores/${bellecour}`, actor: "admin", body: { lead_time_minutes: 60, slot_capacity: 5, safety_stock: 1, hold_days: 5, latitude: 45.7, timezone: "Europe/Paris", closures: [{ from: "2026-12-25", to: "2026-12-26", label: "x" }], instructions: "x", phone: "x", email: "a@example.com" } },
        { method: "get", path: "/admin/pickup-staff", actor: "admin", query: { q: "x", location_id: bellecour, limit: "5", offset: "0" } },
        { method: "post", path: "/admin/pickup-staff", actor: "admin", body: { email: "fuzz@example.com", password: "long-enough", first_name: "F", last_name: "Z", location_ids: [bellecour] } },
        { method: "post", path: `/admin/pickup-staff/${staffId}`, actor: "admin", body: { first_name: "Léa", is_active: true } },
        { method: "post", path: `/admin/pickup-staff/${staffId}/stores`, actor: "admin", body: { location_ids: [bellecour] } },
        { method: "get", path: "/admin/pickups", actor: "admin", query: { status: "placed", q: "x", ready_from: "2026-01-01", limit: "5" } },
        { method: "get", path: `/admin/pickups/${pickup_id}`, actor: "admin" },
        { method: "get", path: "/admin/stock-drift", actor: "admin" },
        { method: "post", path: "/admin/stock-drift/repair", actor: "admin", body: { level_ids: ["ilev_x"] } },
        { method: "post", path: "/admin/loyalty/program", actor: "admin", body: { min_redeem_points: 100, max_redeem_share: 0.5, pending_days: 14, expiry_months: 24, tier_window_months: 12, earn_rates: { eur: 1 }, tiers: [{ name: "Silver", threshold: 500, multiplier: 1.25 }] } },
        { method: "get", path: `/admin/customers/${customerId}/loyalty`, actor: "admin", query: { limit: "5", offset: "0", order_id: "order_x" } },
        { method: "get", path: `/admin/customers/${customerId}/recent-purchases`, actor: "admin", query: { days: "30", limit: "5", offset: "0" } },
        { method: "get", path: "/admin/recent-purchases", actor: "admin", query: { since: "2026-11-01", format: "json", limit: "5", offset: "0" } },
        { method: "post", path: `/admin/customers/${customerId}/loyalty/adjustments`, actor: "admin", body: { points: 1, reason: "x" } },
        { method: "get", path: "/admin/segments", actor: "admin" },
        { method: "post", path: "/admin/segments", actor: "admin", body: { name: "Fuzz", handle: "fuzz", rule: "high_value", params: { top_percent: 10, currency_code: "eur" } } },
        { method: "post", path: `/admin/segments/${segmentId}`, actor: "admin", body: { name: "Fuzzed again", description: "x", params: { days: 10, sales_channel_id: seed.sales_channels["Web store"] } } },
        { method: "get", path: `/admin/segments/${segmentId}/members`, actor: "admin", query: { format: "json", limit: "5", offset: "0" } },
        { method: "post", path: `/admin/segments/${segmentId}/refresh`, actor: "admin", body: {} },
        { method: "get", path: "/admin/abandoned-carts", actor: "admin", query: { status: "reminded", limit: "5", offset: "0" } },
        { method: "get", path: "/store/carts/recover/abc.def.ghi", actor: "shopper" },
      ]

      const failures: string[] = []
      let requests = 0
      const send = async (route: Route, path: string, query: Record<string, string> | undefined, body: unknown) => {
        const client = clients[route.actor]
        const qs = query ? `?${new URLSearchParams(query)}` : ""
        const url = `${path}${qs}`
        requests++
        const res =
          route.method === "get"
            ? await client.fail(client.get(url))
            : route.method === "delete"
              ? await client.fail(client.delete(url))
              : await client.fail(client.post(url, body))
        if (!res || res.status >= 500) failures.push(`${route.method.toUpperCase()} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${res?.status} ${JSON.stringify(res?.data)?.slice(0, 200)}`)
        return res
      }

      for (const route of routes) {
        // A NUL character in the path's ids.
        for (const id of route.path.split("/").filter((s) => /_[0-9A-Z]/.test(s))) {
          const res = await send(route, route.path.replace(id, `${id}%00`), route.query, route.body)
          // Named as the route names it (`/admin/pickup-stores/:location_id`).
          const param = route.path.startsWith("/admin/pickup-stores/") ? "location_id" : "id"
          if (res.status !== 400 || res.data.errors?.[0]?.path !== param) failures.push(`NUL in path ${route.path} → ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
        }
        // Each query value: NUL (a 400 naming it) and other bad values (never a 500).
        for (const key of Object.keys(route.query ?? {})) {
          for (const value of BAD_QUERY) {
            const res = await send(route, route.path, { ...route.query!, [key]: value }, route.body)
            if (value === "\u0000" && (res.status !== 400 || res.data.errors?.[0]?.path !== key)) {
              failures.push(`NUL in ?${key} of ${route.path} → ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
            }
          }
        }
        // Each body field.
        if (route.body) {
          for (const [field, body] of badBodies(route.body)) {
            const res = await send(route, route.path, route.query, body)
            const value = field.split(".").reduce((v: any, k) => v?.[k], body)
            if (value === NUL && (res.status !== 400 || res.data.errors?.[0]?.path !== field)) {
              failures.push(`NUL in ${field} of ${route.path} → ${res.status} ${JSON.stringify(res.data).slice(0, 200)}`)
            }
          }
        }
      }
      expect(failures).toEqual([])
      expect(requests).toBeGreaterThan(1000)
    })
  },
})
