import { model } from "@medusajs/framework/utils"
import { LoyaltyEntryType } from "../types"

/**
 * The ledger: append-only, never updated or deleted. `points` is signed (earn
 * +, redeem/expire −, reverse and adjust either way). An entry counts as
 * pending until `available_at`, available after; an earn is a lot that expires
 * at `expires_at`. `idempotency_key` is unique: one earn per order, one
 * reversal per refund, one expiry per lot, so a re-delivered event changes
 * nothing.
 */
export const LoyaltyEntry = model
  .define("loyalty_entry", {
    id: model.id({ prefix: "lent" }).primaryKey(),
    account_id: model.text(),
    type: model.enum(LoyaltyEntryType),
    points: model.number(),
    available_at: model.dateTime(),
    expires_at: model.dateTime().nullable(),
    channel_id: model.text().nullable(),
    order_id: model.text().nullable(),
    // the earn a reversal or expiry applies to, the cart of a redemption, …
    reference: model.text().nullable(),
    // eligible spend of an earn (for spend-based tiers), in currency_code
    amount: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    idempotency_key: model.text().unique(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { on: ["account_id", "available_at"] },
    { on: ["order_id"] },
    { on: ["type", "expires_at"] },
  ])
