import { model } from "@medusajs/framework/utils"
import { AbandonedCartStatus } from "../types"

/**
 * A cart the reminder job has looked at: who it belongs to, when it last
 * changed, how many reminders went out and what became of it. The funnel
 * (GET /admin/abandoned-carts) counts these rows.
 */
export const AbandonedCart = model
  .define("engagement_abandoned_cart", {
    id: model.id({ prefix: "eacart" }).primaryKey(),
    cart_id: model.text().unique(),
    customer_id: model.text().nullable(),
    email: model.text(),
    sales_channel_id: model.text().nullable(),
    last_activity_at: model.dateTime(),
    product_ids: model.array(),
    status: model.enum(AbandonedCartStatus).default(AbandonedCartStatus.PENDING),
    reminders_sent: model.number().default(0),
    last_reminded_at: model.dateTime().nullable(),
    suppressed_reason: model.text().nullable(),
    recovered_at: model.dateTime().nullable(),
    recovered_order_id: model.text().nullable(),
  })
  .indexes([{ on: ["email"] }, { on: ["customer_id"] }, { on: ["status"] }])
