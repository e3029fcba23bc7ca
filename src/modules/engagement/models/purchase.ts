import { model } from "@medusajs/framework/utils"
import { PurchaseMode } from "../types"

/**
 * The engagement read model: one row per order on any channel (web, app,
 * till), what segments and metrics need and nothing more, written when an
 * order is placed or canceled and caught up nightly from Medusa's orders.
 * Segments over 500,000 orders are set-based SQL over this table rather than
 * a walk through the Order Module.
 */
export const Purchase = model
  .define("engagement_purchase", {
    id: model.id({ prefix: "epur" }).primaryKey(),
    order_id: model.text().unique(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    currency_code: model.text(),
    total: model.bigNumber(),
    placed_at: model.dateTime(),
    canceled_at: model.dateTime().nullable(),
    product_ids: model.array(),
    // the metrics' pickup share; set from the order's pickup record or the till's in_store mark
    mode: model.enum(PurchaseMode).default(PurchaseMode.DELIVERY),
    // the order's updated_at when recorded: the nightly catch-up reads orders changed after the latest
    order_updated_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["customer_id", "placed_at"] },
    { on: ["placed_at"] },
    { on: ["email"] },
    // the metrics read one currency over a window
    { on: ["currency_code", "placed_at"] },
  ])
