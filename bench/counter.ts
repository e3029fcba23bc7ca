/**
 * The shop's counter, in-process against Medusa's own workflows in the same
 * run (issue 27's targets):
 * - a till sale of 3 lines to a member (createInStoreSaleWorkflow: order,
 *   reservations, payment by method, fulfilment handed over, points) against
 *   Medusa's own completion of a cart of the same 3 lines (completeCartWorkflow,
 *   the cart prepared beforehand, untimed);
 * - a return with its refund at a shop (returnAtStoreWorkflow: Medusa's
 *   return, receive and confirm workflows, the stock back at the shop, the
 *   refund) against Medusa's createAndCompleteReturnOrderWorkflow for one line
 *   of the same kind of order, as its store route runs it (requested, not
 *   received: with `receive_now` 2.21 receives every line of the order in
 *   full and fails on a partial return; it refunds nothing).
 * Interleaved, after warm-up. Prints one BENCH_COUNTER line.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createAndCompleteReturnOrderWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createShippingOptionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { createInStoreSaleWorkflow } from "../src/workflows/in-store/create-in-store-sale"
import { returnAtStoreWorkflow } from "../src/workflows/in-store/return-at-store"

// Three items no other part of the bench relies on (MUG-INK, EARBUDS-BLK and
// YOGA-6MM are stocked where the checkout kinds need them; this must not move them).
const SKUS = ["TEE-NAV-S", "TEE-NAV-M", "TEE-NAV-L"]

async function stockAt(container: MedusaContainer, locationId: string, itemIds: string[], quantity: number) {
  const inventory = container.resolve(Modules.INVENTORY)
  const levels = await inventory.listInventoryLevels({ location_id: locationId, inventory_item_id: itemIds })
  const have = new Set(levels.map((l) => l.inventory_item_id))
  if (levels.length) await inventory.updateInventoryLevels(levels.map((l) => ({ inventory_item_id: l.inventory_item_id, location_id: locationId, stocked_quantity: quantity })))
  const missing = itemIds.filter((id) => !have.has(id))
  if (missing.length) await inventory.createInventoryLevels(missing.map((inventory_item_id) => ({ inventory_item_id, location_id: locationId, stocked_quantity: quantity })))
}

/** A return option at the warehouse for Medusa's own return workflow (the demo has none). */
async function returnOption(container: MedusaContainer, warehouseId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [location] } = await query.graph({
    entity: "stock_location",
    fields: ["fulfillment_sets.service_zones.id", "fulfillment_sets.service_zones.shipping_options.id", "fulfillment_sets.service_zones.shipping_options.shipping_profile_id", "fulfillment_sets.type"],
    filters: { id: warehouseId },
  })
  const zone = location.fulfillment_sets.find((s: { type: string } | null) => s?.type === "shipping").service_zones[0]
  const [option] = await createShippingOptionsWorkflow(container).run({
    input: [{
      name: "Bench return",
      price_type: "flat",
      provider_id: "manual_manual",
      service_zone_id: zone.id,
      shipping_profile_id: zone.shipping_options[0].shipping_profile_id,
      type: { label: "Return", description: "Return", code: "bench-return" },
      prices: [{ currency_code: "eur", amount: 0 }],
      rules: [{ attribute: "is_return", value: "true", operator: "eq" }],
    }],
  }).then((r) => r.result)
  return option.id as string
}

export default async function counterBench({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const runs = Number(process.env.BENCH_COUNTER_RUNS ?? 30)
  const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "inventory_items.inventory_item_id"], filters: { sku: SKUS } })
  const itemIds = variants.flatMap((v) => (v.inventory_items ?? []).map((i) => i!.inventory_item_id))
  const locations = container.resolve(Modules.STOCK_LOCATION)
  const [bellecour] = await locations.listStockLocations({ name: "Lyon Bellecour" })
  const [warehouse] = await locations.listStockLocations({ name: "Saint-Priest Warehouse" })
  await stockAt(container, bellecour.id, itemIds, 100000)
  await stockAt(container, warehouse.id, itemIds, 100000)
  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { has_account: true }, pagination: { take: 1 } })
  const { data: [web] } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: "Web store" } })
  const { data: [region] } = await query.graph({ entity: "region", fields: ["id"], filters: { name: "France" } })
  const returnOptionId = await returnOption(container, warehouse.id)
  const lines = variants.map((v) => ({ variant_id: v.id, quantity: 1 }))

  const sell = () =>
    createInStoreSaleWorkflow(container).run({
      input: { location_id: bellecour.id, customer_id: customer.id, items: lines, payment: { method: "card", reference: "BENCH" }, staff_id: "bench" },
    })
  const deliveryCart = async () => {
    const { result: cart } = await createCartWorkflow(container).run({
      input: {
        region_id: region.id, sales_channel_id: web.id, customer_id: customer.id, email: customer.email, items: lines,
        shipping_address: { first_name: "B", last_name: "Ench", address_1: "1 Rue", city: "Lyon", postal_code: "69002", country_code: "fr" },
      },
    })
    const { data: [option] } = await query.graph({ entity: "shipping_option", fields: ["id"], filters: { name: "Standard delivery" } })
    await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: option.id }] } })
    const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
    await createPaymentSessionsWorkflow(container).run({ input: { payment_collection_id: collection.id, provider_id: "pp_system_default", data: {}, context: {} } })
    return cart.id
  }
  const firstLine = async (orderId: string) =>
    (await query.graph({ entity: "order", fields: ["items.id", "items.variant_id"], filters: { id: orderId } })).data[0].items.find((i) => i?.variant_id === variants[0].id)!.id

  const times = { sale: [] as number[], cart: [] as number[], storeReturn: [] as number[], coreReturn: [] as number[] }
  const timed = async <T>(fn: () => Promise<T>, into: number[] | null) => {
    const t = performance.now()
    const out = await fn()
    into?.push(performance.now() - t)
    return out
  }
  for (let i = 0; i < runs + 5; i++) {
    const warm = i < 5
    const cartId = await deliveryCart()
    const { result: sold } = await timed(sell, warm ? null : times.sale)
    await timed(() => completeCartWorkflow(container).run({ input: { id: cartId } }), warm ? null : times.cart)
    // Two till orders of the same kind to take a line back from, one per way.
    const { result: forStore } = await sell()
    const storeLine = await firstLine(forStore.order.id)
    const coreLine = await firstLine(sold.order.id)
    await timed(
      () => returnAtStoreWorkflow(container).run({
        input: { order_id: forStore.order.id, location_id: bellecour.id, staff_id: "bench", items: [{ id: storeLine, quantity: 1, restock: true }], return_window_days: 30 },
      }),
      warm ? null : times.storeReturn
    )
    await timed(
      () => createAndCompleteReturnOrderWorkflow(container).run({
        input: { order_id: sold.order.id, items: [{ id: coreLine, quantity: 1 }], return_shipping: { option_id: returnOptionId }, location_id: bellecour.id },
      }),
      warm ? null : times.coreReturn
    )
  }
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b)
    const p = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
    return { n: s.length, p50: p(0.5), p95: p(0.95) }
  }
  console.log(`BENCH_COUNTER ${JSON.stringify({ runs, sale: stat(times.sale), cart: stat(times.cart), store_return: stat(times.storeReturn), core_return: stat(times.coreReturn) })}`)
}
