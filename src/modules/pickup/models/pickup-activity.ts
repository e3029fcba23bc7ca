import { model } from "@medusajs/framework/utils"

/**
 * The timeline of a pickup: one row per thing that happened to it (placed,
 * preparing, ready, arrived, collected, canceled, expired, reminder sent),
 * with who did it. Append-only.
 */
export const PickupActivity = model
  .define("pickup_activity", {
    id: model.id({ prefix: "pkact" }).primaryKey(),
    pickup_id: model.text(),
    action: model.text(),
    // staff | user (admin) | customer | system
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["pickup_id", "created_at"] }])
