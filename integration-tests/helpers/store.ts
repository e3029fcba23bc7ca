import { Modules } from "@medusajs/framework/utils"
import people from "../../data/customers.json"
import type { SeedResult } from "../../data/seed"

export type StoreClient = ReturnType<typeof storeClient>

/** Store API calls as a shopper of one sales channel (its publishable key), optionally logged in. */
export function storeClient(api: any, seed: SeedResult, channel = "Web store", token?: string) {
  const headers = {
    "x-publishable-api-key": seed.publishable_keys[channel],
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  }
  const opts = { headers }
  return {
    headers,
    get: (url: string) => api.get(url, opts),
    post: (url: string, body?: any) => api.post(url, body ?? {}, opts),
    delete: (url: string) => api.delete(url, opts),
    fail: settle,
  }
}

/** Resolves to the response, error or not, instead of throwing on 4xx/5xx. */
export async function settle(p: Promise<any>) {
  try {
    const res = await p
    return { status: res.status as number, data: res.data, headers: res.headers }
  } catch (e: any) {
    if (!e.response) throw e
    return { status: e.response.status as number, data: e.response.data, headers: e.response.headers }
  }
}

export async function loginCustomer(api: any, index = 0) {
  const c = people.customers[index]
  const { data } = await api.post("/auth/customer/emailpass", { email: c.email, password: c.password })
  return { token: data.token as string, email: c.email }
}

export async function variantIdsBySku(container: any, skus: string[]) {
  const product = container.resolve(Modules.PRODUCT)
  const variants = await product.listProductVariants({ sku: skus })
  return Object.fromEntries(variants.map((v: any) => [v.sku, v.id])) as Record<string, string>
}

/** A cart in the France region with the given lines, an email and an address. */
export async function createCart(client: StoreClient, seed: SeedResult, lines: { variant_id: string; quantity: number }[]) {
  const res = await settle(client.post("/store/carts", {
    region_id: seed.region_id,
    email: "shopper@example.com",
    shipping_address: { first_name: "Camille", last_name: "Martin", address_1: "3 Rue Mercière", city: "Lyon", postal_code: "69002", country_code: "fr" },
    items: lines,
  }))
  // A refusal says why (Medusa's message), not only its status.
  if (res.status !== 200) throw new Error(`POST /store/carts: ${res.status} ${JSON.stringify(res.data)}`)
  const data = res.data
  return data.cart
}

/** Payment with Medusa's system provider, then complete: returns the HTTP result. */
export async function completeCart(client: StoreClient, cartId: string) {
  const { data: pc } = await client.post("/store/payment-collections", { cart_id: cartId })
  await client.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  return client.fail(client.post(`/store/carts/${cartId}/complete`))
}

/** Sets an item's stock at a location to exactly `quantity` (and drops its reservations there). */
export async function setStock(container: any, sku: string, locationId: string, quantity: number) {
  const inventory = container.resolve(Modules.INVENTORY)
  const [item] = await inventory.listInventoryItems({ sku })
  const [level] = await inventory.listInventoryLevels({ inventory_item_id: item.id, location_id: locationId })
  if (level) {
    await inventory.updateInventoryLevels([{ inventory_item_id: item.id, location_id: locationId, stocked_quantity: quantity }])
  } else {
    await inventory.createInventoryLevels([{ inventory_item_id: item.id, location_id: locationId, stocked_quantity: quantity }])
  }
  return item.id as string
}

export async function levelAt(container: any, inventoryItemId: string, locationId: string) {
  const inventory = container.resolve(Modules.INVENTORY)
  const [level] = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId })
  return { stocked: Number(level?.stocked_quantity ?? 0), reserved: Number(level?.reserved_quantity ?? 0) }
}

/** The next date (YYYY-MM-DD, Paris) that falls on `weekday` (0 = Sunday), at least `minDays` ahead. */
export function nextWeekday(weekday: number, minDays = 2) {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() + minDays)
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/** The seeded customers' ids (data/customers.json order), as they see themselves through the Store API. */
export async function seededCustomerIds(api: any, seed: SeedResult, count: number) {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const { token } = await loginCustomer(api, i)
    ids.push((await storeClient(api, seed, "Web store", token).get("/store/customers/me")).data.customer.id)
  }
  return ids
}
