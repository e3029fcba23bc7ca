import { model } from "@medusajs/framework/utils"

/** Each decision before a reminder: sent (its sequence) or suppressed (why). Append-only. */
export const CartReminder = model
  .define("engagement_cart_reminder", {
    id: model.id({ prefix: "ecrem" }).primaryKey(),
    abandoned_cart_id: model.text(),
    cart_id: model.text(),
    email: model.text(),
    customer_id: model.text().nullable(),
    kind: model.enum(["sent", "suppressed"]),
    sequence: model.number().nullable(),
    reason: model.text().nullable(),
  })
  .indexes([{ on: ["abandoned_cart_id"] }, { on: ["email", "created_at"] }])
