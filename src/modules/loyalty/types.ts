export enum LoyaltyEntryType {
  EARN = "earn",
  REDEEM = "redeem",
  REVERSE = "reverse",
  EXPIRE = "expire",
  ADJUST = "adjust",
}

/**
 * Why an entry may take the available balance below zero; nothing else may.
 * - `void`: a compensation undoing an entry exactly (an earn whose points were
 *   spent meanwhile is still undone in full: the ledger must sum to what
 *   really happened).
 */
export type LedgerOverdraft = "void"

export type LoyaltyTier = {
  name: string
  /** points earned, or money spent, over the rolling window (see tier_basis) */
  threshold: number
  /** earn multiplier, e.g. 1.5 */
  multiplier: number
}

export type LoyaltyProgramSettings = {
  enabled: boolean
  /** points per currency unit, by lower-case currency code: { eur: 1 } */
  earn_rates: Record<string, number>
  include_tax: boolean
  include_shipping: boolean
  /** value of one point when redeemed, by currency: { eur: 0.01 } */
  point_values: Record<string, number>
  min_redeem_points: number
  /** largest share of an order (0–1) payable in points */
  max_redeem_share: number
  /** points wait this many days (the return window) before they can be spent */
  pending_days: number
  /** an earned lot expires this many months after it becomes available; null: never */
  expiry_months: number | null
  tier_basis: "points" | "spend"
  /** rolling window for tiers, in months */
  tier_window_months: number
  tiers: LoyaltyTier[]
}

export const DEFAULT_PROGRAM: LoyaltyProgramSettings = {
  enabled: true,
  earn_rates: { eur: 1 },
  include_tax: true,
  include_shipping: false,
  point_values: { eur: 0.01 },
  min_redeem_points: 100,
  max_redeem_share: 0.5,
  pending_days: 14,
  expiry_months: 24,
  tier_basis: "points",
  tier_window_months: 12,
  tiers: [],
}
