/**
 * History and ledger data for `npm run bench`: one customer (Hugo Petit, from
 * the demo seed) with BENCH_ORDERS (5,000) orders spread over the three sales
 * channels (a fifth of the web and app ones picked up in a store), an earn
 * entry per order and as many adjustments, so their loyalty account has
 * 10,000 ledger entries. Written straight through the modules, in batches:
 * this is volume for timing reads, not a test of the write paths.
 * Idempotent: a second run adds nothing.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../src/modules/loyalty"
import { LoyaltyEntryType } from "../src/modules/loyalty/types"
import { PICKUP_MODULE } from "../src/modules/pickup"

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000)
const EMAIL = "hugo.petit@example.com"
const BATCH = 250

export default async function seedHistory({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderModule = container.resolve(Modules.ORDER)
  const loyalty: any = container.resolve(LOYALTY_MODULE)
  const pickup: any = container.resolve(PICKUP_MODULE)

  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: EMAIL, has_account: true } })
  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id", "name"] })
  const { data: [region] } = await query.graph({ entity: "region", fields: ["id", "currency_code"], filters: { name: "France" } })
  const { data: locations } = await query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { name: ["Lyon Bellecour", "Lyon Part-Dieu"] } })
  const [, have] = await orderModule.listAndCountOrders({ customer_id: customer.id }, { take: 1 })
  const { account } = await loyalty.ensureAccount(customer.id)

  const start = Date.now() - ORDERS * 3600_000
  for (let i = have; i < ORDERS; i += BATCH) {
    const n = Math.min(BATCH, ORDERS - i)
    const orders = await orderModule.createOrders(
      Array.from({ length: n }, (_, k) => {
        const idx = i + k
        const channel = channels[idx % channels.length]
        return {
          region_id: region.id,
          customer_id: customer.id,
          sales_channel_id: channel.id,
          email: EMAIL,
          currency_code: region.currency_code,
          status: "completed",
          created_at: new Date(start + idx * 3600_000),
          metadata: channel.name === "In-store" ? { in_store: true, store_location_id: locations[idx % 2].id } : {},
          items: [{ title: `Bench item ${idx % 17}`, quantity: 1 + (idx % 3), unit_price: 10 + (idx % 40) }],
        } as any
      })
    )
    const pickups = orders
      .map((o: any, k: number) => ({ o, idx: i + k }))
      .filter(({ o, idx }) => idx % 5 === 0 && !(o.metadata as any)?.in_store)
      .map(({ o, idx }) => ({
        order_id: o.id,
        customer_id: customer.id,
        location_id: locations[idx % 2].id,
        status: "collected",
        code_hash: `bench-${o.id}`,
        code_nonce: "bench",
      }))
    if (pickups.length) await pickup.createPickupOrders(pickups)
    await loyalty.createLoyaltyEntries(
      orders.flatMap((o: any, k: number) => [
        {
          account_id: account.id,
          type: LoyaltyEntryType.EARN,
          points: 10 + ((i + k) % 50),
          available_at: new Date(start + (i + k) * 3600_000),
          order_id: o.id,
          channel_id: o.sales_channel_id,
          idempotency_key: `earn:${o.id}`,
        },
        {
          account_id: account.id,
          type: LoyaltyEntryType.ADJUST,
          points: 1,
          available_at: new Date(start + (i + k) * 3600_000),
          idempotency_key: `bench-adjust:${o.id}`,
        },
      ])
    )
    logger.info(`bench history: ${i + n} / ${ORDERS} orders`)
  }
  console.log(`BENCH_HISTORY ${JSON.stringify({ customer_id: customer.id, account_id: account.id, email: EMAIL, orders: ORDERS })}`)
}
