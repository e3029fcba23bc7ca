import { model } from "@medusajs/framework/utils"

/**
 * A wrong pickup code typed at a store (never the code itself). Counted over a
 * sliding window to rate-limit guessing per store, per staff member and per
 * pickup; rows in PostgreSQL so the limit holds across server instances.
 */
export const PickupCodeAttempt = model
  .define("pickup_code_attempt", {
    id: model.id({ prefix: "pkatt" }).primaryKey(),
    location_id: model.text(),
    actor_id: model.text(),
    pickup_id: model.text().nullable(),
  })
  .indexes([
    { on: ["location_id", "created_at"] },
    { on: ["actor_id", "created_at"] },
    { on: ["pickup_id", "created_at"] },
  ])
