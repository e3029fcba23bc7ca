import NotificationLogService from "../../src/providers/notification-log/service"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import people from "../../data/customers.json"
import type { SeedResult } from "../../data/seed"
import { completeCart, createCart, loginCustomer, settle, storeClient } from "./store"

/** A seeded staff member's token from Medusa's auth route for the `staff` actor type. */
export async function loginStaff(api: any, index = 0) {
  const s = people.staff[index]
  const { data } = await api.post("/auth/staff/emailpass", { email: s.email, password: s.password })
  return data.token as string
}

/** Calls with a bearer token (staff, admin or customer); `.fail` resolves to the error response. */
export function bearerClient(api: any, token?: string) {
  const opts = { headers: token ? { authorization: `Bearer ${token}` } : {} }
  return {
    get: (url: string) => api.get(url, opts),
    post: (url: string, body?: any) => api.post(url, body ?? {}, opts),
    delete: (url: string) => api.delete(url, opts),
    fail: settle,
  }
}

/**
 * A customer's pickup order at a store, through the Store API: cart, pickup
 * choice, payment (system provider: authorized, not captured), completion.
 * Returns the order, the pickup id and the code the shopper sees.
 */
export async function placePickup(
  api: any,
  seed: SeedResult,
  opts: {
    store: string
    lines: { variant_id: string; quantity: number }[]
    customer?: number
    pickup_person?: { name: string; email?: string; phone?: string }
  }
) {
  const { token } = await loginCustomer(api, opts.customer ?? 0)
  const shop = storeClient(api, seed, "Web store", token)
  const cart = await createCart(shop, seed, opts.lines)
  await shop.post(`/store/carts/${cart.id}/pickup`, {
    location_id: seed.locations[opts.store],
    ...(opts.pickup_person ? { pickup_person: opts.pickup_person } : {}),
  })
  const res = await completeCart(shop, cart.id)
  if (res.status !== 200 || res.data.type !== "order") {
    throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.data)}`)
  }
  const { data } = await shop.get("/store/customers/me/pickups?limit=1")
  const pickup = data.pickups[0]
  if (pickup.order.id !== res.data.order.id) throw new Error("pickup not found for the order")
  return { order: res.data.order, pickup_id: pickup.id as string, code: pickup.code as string, shop }
}

/** The order's payment as Medusa records it (captured or not, canceled or not). */
export async function paymentOf(container: any, orderId: string) {
  const query = container.resolve("query")
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.amount",
      "fulfillments.id",
      "fulfillments.location_id",
      "fulfillments.delivered_at",
      "fulfillments.canceled_at",
    ],
    filters: { id: orderId },
  })
  const payment = order.payment_collections[0].payments[0]
  return {
    order,
    payment,
    captured: (payment.captures ?? []).reduce((s: number, c: any) => s + Number(c.amount), 0),
  }
}

export async function notificationsOf(container: any, pickupId: string, event: string) {
  const all = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: pickupId })
  return all.filter((n: any) => n.trigger_type === event)
}

/**
 * What the notification provider was handed (the shopper's message, codes
 * included): the stored copies keep no code, so tests read what was sent.
 */
export function sentNotifications() {
  const spy = jest.spyOn(NotificationLogService.prototype, "send")
  return {
    to: (template: string, to?: string) =>
      spy.mock.calls.map(([n]) => n).filter((n) => n.template === template && (!to || n.to === to)),
    restore: () => spy.mockRestore(),
  }
}

/**
 * Every place a code could be read back after the fact: the `notification`
 * table (raw) and Medusa's admin notifications API. Returns the texts that
 * contain one of `codes`.
 */
export async function storedCodes(container: any, api: any, adminToken: string, codes: string[]) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows: { data: string | null }[] = await pg.raw("select data::text as data from notification").then((r: any) => r.rows)
  const { data } = await api.get("/admin/notifications?limit=1000&fields=*,data", { headers: { authorization: `Bearer ${adminToken}` } })
  const texts = [...rows.map((r) => r.data ?? ""), JSON.stringify(data)]
  return texts.filter((t) => codes.some((c) => t.includes(c)))
}

/**
 * Subscribers run after the response: poll until `fn` returns a non-empty
 * list (20 s at most: a loaded CI machine can lag well behind a laptop).
 */
export async function waitFor<T>(fn: () => Promise<T[]>): Promise<T[]> {
  for (let i = 0; i < 200; i++) {
    const result = await fn()
    if (result.length) return result
    await new Promise((r) => setTimeout(r, 100))
  }
  return fn()
}
