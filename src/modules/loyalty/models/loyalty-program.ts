import { model } from "@medusajs/framework/utils"
import type { LoyaltyTier } from "../types"

/** The merchant's program: one row (the plugin serves one store). */
export const LoyaltyProgram = model.define("loyalty_program", {
  id: model.id({ prefix: "lprog" }).primaryKey(),
  enabled: model.boolean().default(true),
  earn_rates: model.json<Record<string, number>>(),
  include_tax: model.boolean().default(true),
  include_shipping: model.boolean().default(false),
  point_values: model.json<Record<string, number>>(),
  min_redeem_points: model.number().default(0),
  max_redeem_share: model.float().default(1),
  pending_days: model.number().default(0),
  expiry_months: model.number().nullable(),
  tier_basis: model.enum(["points", "spend"]).default("points"),
  tier_window_months: model.number().default(12),
  tiers: model.json<LoyaltyTier[]>(),
})
