import { z } from "@medusajs/framework/zod"

const Rates = z
  .record(z.string(), z.number().min(0).max(1_000))
  .refine((r) => Object.keys(r).every((k) => /^[a-z]{3}$/.test(k)), {
    message: "keys are lower-case currency codes such as eur",
  })

export const AdminUpsertLoyaltyProgram = z
  .object({
    enabled: z.boolean().optional(),
    earn_rates: Rates.optional(),
    include_tax: z.boolean().optional(),
    include_shipping: z.boolean().optional(),
    point_values: Rates.optional(),
    min_redeem_points: z.number().int().min(0).max(1_000_000).optional(),
    max_redeem_share: z.number().min(0).max(1).optional(),
    pending_days: z.number().int().min(0).max(365).optional(),
    expiry_months: z.number().int().min(1).max(120).nullable().optional(),
    tier_basis: z.enum(["points", "spend"]).optional(),
    tier_window_months: z.number().int().min(1).max(60).optional(),
    tiers: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(50),
            threshold: z.number().min(0).max(1_000_000_000),
            multiplier: z.number().min(0).max(10),
          })
          .strict()
      )
      .max(10)
      .refine((t) => new Set(t.map((x) => x.name)).size === t.length, { message: "names must be unique" })
      .optional(),
  })
  .strict()
export type AdminUpsertLoyaltyProgramType = z.infer<typeof AdminUpsertLoyaltyProgram>

export const LoyaltyEntriesQuery = z
  .object({
    // only the entries of one order (earned, redeemed, reversed)
    order_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type LoyaltyEntriesQueryType = z.infer<typeof LoyaltyEntriesQuery>

export const AdminAdjustPoints = z
  .object({
    // Bounded: a ledger entry is a Postgres integer.
    points: z.number().int().min(-1_000_000).max(1_000_000).refine((n) => n !== 0, { message: "must not be 0" }),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
export type AdminAdjustPointsType = z.infer<typeof AdminAdjustPoints>

export const StoreApplyCartPoints = z.object({ points: z.number().int().min(1).max(1_000_000_000) }).strict()
export type StoreApplyCartPointsType = z.infer<typeof StoreApplyCartPoints>
