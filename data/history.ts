/**
 * A year of trading for the demo, so the Segments, Abandoned carts and
 * Omnichannel metrics pages show something real: 160 shoppers of Lyon with
 * about 550 orders over the last 365 days on the three channels (web, app,
 * the shops' tills), a share of the online ones picked up in a store, a few
 * canceled, and a handful of carts left with items.
 *
 * Shoppers follow the habits the metrics are meant to reveal, drawn from a
 * fixed random sequence so every demo shows the same figures: most buy on
 * one channel, a quarter on several, and those buy more often. History is
 * imported the way a shop moving to Medusa imports its past orders: straight
 * into the Order Module with their dates (a checkout can't be back-dated),
 * as completed orders without reservations (the goods left long ago).
 * Idempotent: it does nothing when the history's shoppers exist.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import abandonedCartsJob from "../src/jobs/abandoned-carts"
import segmentsJob from "../src/jobs/engagement-segments"
import { PICKUP_MODULE } from "../src/modules/pickup"
import { PickupStatus } from "../src/modules/pickup/types"

const DOMAIN = "history.example.net"
const SHOPPERS = 160
const DAY = 86400000

const FIRST = ["Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma", "Lucas", "Hugo", "Louis", "Nathan", "Gabriel", "Arthur", "Jules", "Théo", "Sarah", "Zoé", "Adam", "Paul"]
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux"]

/** mulberry32: a small seeded generator, so the demo's history is the same on every machine. */
function random(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Habit = { channels: string[]; orders: [number, number]; basket: [number, number] }
/** Who shops how: channels used, orders in the year, items per order. */
const HABITS: { share: number; habit: Habit }[] = [
  { share: 0.25, habit: { channels: ["Web store", "Mobile app", "In-store"], orders: [3, 9], basket: [1, 4] } },
  { share: 0.4, habit: { channels: ["Web store"], orders: [1, 4], basket: [1, 3] } },
  { share: 0.15, habit: { channels: ["Mobile app"], orders: [1, 4], basket: [1, 3] } },
  { share: 0.2, habit: { channels: ["In-store"], orders: [1, 3], basket: [1, 2] } },
]

export async function seedDemoHistory(container: MedusaContainer, now = new Date()) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const customerModule = container.resolve(Modules.CUSTOMER)
  const [, existing] = await customerModule.listAndCountCustomers({ email: { $like: `%@${DOMAIN}` } }, { take: 1 })
  if (existing > 0) return { shoppers: 0, orders: 0 }

  const rnd = random(2026)
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(rnd() * (hi - lo + 1))

  const [{ data: channels }, { data: regions }, { data: locations }, { data: products }] = await Promise.all([
    query.graph({ entity: "sales_channel", fields: ["id", "name"] }),
    query.graph({ entity: "region", fields: ["id", "currency_code"] }),
    query.graph({ entity: "stock_location", fields: ["id", "name"] }),
    query.graph({ entity: "product", fields: ["id", "title", "thumbnail", "variants.id", "variants.title", "variants.sku", "variants.prices.amount"] }),
  ])
  const region = regions[0]
  const channelId = Object.fromEntries(channels.map((c: any) => [c.name, c.id]))
  const stores = locations.filter((l: any) => !/warehouse|entrepôt/i.test(l.name))
  const warehouse = locations.find((l: any) => /warehouse|entrepôt/i.test(l.name))
  const variants = products.flatMap((p: any) =>
    (p.variants ?? []).map((v: any) => ({ product: p, variant: v, price: Number(v.prices?.[0]?.amount ?? 20) }))
  )
  if (!region || !stores.length || !variants.length || HABITS.some((h) => h.habit.channels.some((c) => !channelId[c]))) {
    logger.warn("Seed: no year of history (it needs the demo's region, stores, products and three channels)")
    return { shoppers: 0, orders: 0 }
  }

  // The shoppers: a few without an account (guests of the web store), the rest members.
  const people = Array.from({ length: SHOPPERS }, (_, i) => {
    const first = pick(FIRST)
    const last = pick(LAST)
    const r = rnd()
    let acc = 0
    const habit = HABITS.find((h) => (acc += h.share) >= r)?.habit ?? HABITS[1].habit
    const email = `${first}.${last}.${i}@${DOMAIN}`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    const account = rnd() > 0.15
    // members opt in to marketing at sign-up about half the time (the Subscribers segment)
    return { first, last, email, habit, account, marketing: account && rnd() < 0.5 }
  })
  // All or nothing: a run that fails half way removes what it wrote, so the next run starts over.
  const written = { customers: [] as string[], orders: [] as string[], pickups: [] as string[], carts: [] as string[], payments: [] as string[], fulfillments: [] as string[] }
  try {
    return await writeHistory()
  } catch (e) {
    const orderModule = container.resolve(Modules.ORDER)
    await container.resolve<any>(PICKUP_MODULE).deletePickupOrders(written.pickups).catch(() => undefined)
    await container.resolve(Modules.CART).deleteCarts(written.carts).catch(() => undefined)
    await container.resolve(Modules.PAYMENT).deletePaymentCollections(written.payments).catch(() => undefined)
    await container.resolve(Modules.FULFILLMENT).deleteFulfillment(written.fulfillments).catch(() => undefined)
    await orderModule.deleteOrders(written.orders).catch(() => undefined)
    await customerModule.deleteCustomers(written.customers).catch(() => undefined)
    throw e
  }

  /**
   * The imported orders as the shop knew them: paid (a captured payment
   * collection of the order's total) and handed over (a fulfilment delivered
   * at the till, collected at the store, or delivered from the warehouse),
   * through Medusa's modules and links, so the admin and the shopper's
   * history read them as paid and delivered.
   */
  async function recordPaidAndHandedOver(handovers: { index: number; location_id: string; at: Date; delivered_at: Date }[], created: { id: string }[]) {
    type Row = { id: string; total: number; items: { id: string; title: string; variant_sku: string | null; quantity: number }[] }
    const ids = handovers.map((h) => created[h.index].id)
    const rows = new Map<string, Row>()
    for (let i = 0; i < ids.length; i += 200) {
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "total", "items.id", "items.title", "items.variant_sku", "items.quantity"],
        filters: { id: ids.slice(i, i + 200) },
      })
      for (const o of data as unknown as Row[]) rows.set(o.id, o)
    }
    const amountOf = (id: string) => MathBN.convert(rows.get(id)!.total).toNumber()
    const collections = await container.resolve(Modules.PAYMENT).createPaymentCollections(
      ids.map((id) => ({
        currency_code: region.currency_code,
        amount: amountOf(id),
        authorized_amount: amountOf(id),
        captured_amount: amountOf(id),
        status: "completed",
      })) as any // authorized/captured amounts and status are the collection's own columns; the create DTO omits them
    )
    written.payments.push(...collections.map((c) => c.id))
    const fulfillmentModule = container.resolve(Modules.FULFILLMENT)
    const fulfillments: string[] = []
    for (const h of handovers) {
      const order = rows.get(created[h.index].id)!
      const f = await fulfillmentModule.createFulfillment({
        location_id: h.location_id,
        provider_id: "manual_manual",
        delivery_address: { city: "Lyon", country_code: "fr" },
        items: order.items.map((i) => ({ title: i.title, sku: i.variant_sku ?? "", barcode: "", quantity: Number(i.quantity), line_item_id: i.id })),
        packed_at: h.at,
        shipped_at: h.at,
        delivered_at: h.delivered_at,
      })
      fulfillments.push(f.id)
      written.fulfillments.push(f.id)
    }
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.create([
      ...ids.map((order_id, i) => ({ [Modules.ORDER]: { order_id }, [Modules.PAYMENT]: { payment_collection_id: collections[i].id } })),
      ...ids.map((order_id, i) => ({ [Modules.ORDER]: { order_id }, [Modules.FULFILLMENT]: { fulfillment_id: fulfillments[i] } })),
    ])
    // Every history line is one unit: fulfilled, shipped and delivered in full (the selector takes a list of
    // orders, and the shipped and delivered columns are the order item's own though its update DTO omits them).
    await container.resolve(Modules.ORDER).updateOrderItem({ order_id: ids } as any, { fulfilled_quantity: 1, shipped_quantity: 1, delivered_quantity: 1 } as any)
  }

  async function writeHistory() {
    const customers = await customerModule.createCustomers(
      people.map((p) => ({
        first_name: p.first,
        last_name: p.last,
        email: p.email,
        has_account: p.account,
        metadata: p.marketing ? { accepts_marketing: true } : null,
        created_at: new Date(now.getTime() - 400 * DAY),
      }))
    )
    written.customers.push(...customers.map((c: any) => c.id))

    // Their orders, oldest first.
    const orders: any[] = []
    const pickups: { index: number; location_id: string; at: Date }[] = []
    // How each order was handed over, for its fulfilment: where, and when it reached the shopper.
    const handovers: { index: number; location_id: string; at: Date; delivered_at: Date }[] = []
    people.forEach((p, i) => {
      const n = between(p.habit.orders)
      for (let k = 0; k < n; k++) {
        const at = new Date(now.getTime() - Math.floor(rnd() * 365 * DAY) - 3600000)
        const channel = pick(p.habit.channels)
        const store = pick(stores) as any
        const inStore = channel === "In-store"
        const lines = Array.from({ length: between(p.habit.basket) }, () => pick(variants))
        const canceled = rnd() < 0.03
        const pickup = !inStore && !canceled && rnd() < 0.3
        if (pickup) pickups.push({ index: orders.length, location_id: store.id, at })
        if (!canceled) {
          const from = inStore || pickup ? store.id : warehouse?.id ?? store.id
          // at the till at once; collected the next day; delivered two days later
          const delivered_at = new Date(at.getTime() + (inStore ? 60000 : pickup ? 26 * 3600000 : 50 * 3600000))
          handovers.push({ index: orders.length, location_id: from, at, delivered_at })
        }
        orders.push({
          region_id: region.id,
          customer_id: customers[i].id,
          email: p.email,
          // the shopper's name on the order, as a checkout records it (the desk and admin show it)
          shipping_address: { first_name: p.first, last_name: p.last, city: "Lyon", country_code: "fr" },
          sales_channel_id: channelId[channel],
          currency_code: region.currency_code,
          status: canceled ? "canceled" : "completed",
          ...(canceled ? { canceled_at: new Date(at.getTime() + 3600000) } : {}),
          created_at: at,
          person: i,
          // its place in the list: createOrders answers in an order of its own (ids made in the same millisecond)
          metadata: { imported_history: true, history_index: orders.length, ...(inStore ? { in_store: true, store_location_id: store.id } : {}) },
          items: lines.map(({ product, variant, price }) => ({
            title: product.title,
            subtitle: variant.title,
            product_id: product.id,
            variant_id: variant.id,
            variant_sku: variant.sku,
            thumbnail: product.thumbnail,
            quantity: 1,
            unit_price: price,
            // the region's prices include VAT, as the shop's prices always did
            is_tax_inclusive: true,
          })),
          shipping_methods: inStore || pickup ? [] : [{ name: "Standard delivery", amount: 4.9 }],
        })
      }
    })
    const orderModule = container.resolve(Modules.ORDER)
    const created: any[] = []
    for (let i = 0; i < orders.length; i += 200) {
      const batch = await orderModule.createOrders(orders.slice(i, i + 200).map(({ person, ...o }) => o))
      for (const o of batch) created[o.metadata.history_index] = o
      written.orders.push(...batch.map((o: any) => o.id))
    }
    // The online orders collected in a store: their pickup record, collected an hour after the order.
    const pickupRows = await container.resolve<any>(PICKUP_MODULE).createPickupOrders(
      pickups.map(({ index, location_id, at }) => ({
        order_id: created[index].id,
        customer_id: created[index].customer_id,
        location_id,
        status: PickupStatus.COLLECTED,
        code_hash: `imported-${created[index].id}`,
        code_nonce: "imported",
        email: created[index].email,
        order_display_id: created[index].display_id,
        customer_name: `${people[orders[index].person].first} ${people[orders[index].person].last}`,
        created_at: at,
        collected_at: new Date(at.getTime() + 26 * 3600000),
      }))
    )
    written.pickups.push(...pickupRows.map((p: any) => p.id))
    await recordPaidAndHandedOver(handovers, created)

    // Carts left with items in the last two weeks, by shoppers who may have bought since.
    const cartModule = container.resolve(Modules.CART)
    const leftBy = people.map((p, i) => ({ p, c: customers[i] })).filter(() => rnd() < 0.12)
    const carts = await cartModule.createCarts(
      leftBy.map(({ p, c }) => {
        const { product, variant, price } = pick(variants)
        return {
          region_id: region.id,
          currency_code: region.currency_code,
          sales_channel_id: channelId[pick(p.habit.channels.filter((ch) => ch !== "In-store").concat("Web store"))],
          customer_id: c.id,
          email: p.email,
          items: [{ title: product.title, subtitle: variant.title, product_id: product.id, variant_id: variant.id, quantity: 1, unit_price: price }],
        }
      })
    )
    written.carts.push(...carts.map((c: any) => c.id))
    // Back-dated through SQL: the Cart Module stamps updated_at itself, and the reminder job reads it.
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    for (const cart of carts) {
      const at = new Date(now.getTime() - (1 + Math.floor(rnd() * 13)) * DAY)
      await pg.raw(`update cart set created_at = ?, updated_at = ? where id = ?`, [at, at, cart.id])
      await pg.raw(`update cart_line_item set created_at = ?, updated_at = ? where cart_id = ?`, [at, at, cart.id])
    }

    // What the nightly job and the reminder job would have made of it.
    await segmentsJob(container)
    await abandonedCartsJob(container, { scheduledFor: now })
    logger.info(`Seed: a year of history (${people.length} shoppers, ${created.length} orders, ${pickups.length} picked up, ${carts.length} carts left)`)
    return { shoppers: people.length, orders: created.length }
  }
}
