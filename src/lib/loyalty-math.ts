import { MathBN } from "@medusajs/framework/utils"
import type { LoyaltyProgramSettings, LoyaltyTier } from "../modules/loyalty/types"

/** What an order earns on: its total, less tax and/or shipping when the program says so. */
export function eligibleAmount(
  order: { total: any; tax_total?: any; shipping_total?: any; shipping_subtotal?: any; shipping_tax_total?: any },
  program: Pick<LoyaltyProgramSettings, "include_tax" | "include_shipping">
) {
  let amount = MathBN.convert(order.total ?? 0)
  if (!program.include_tax) amount = MathBN.sub(amount, order.tax_total ?? 0)
  if (!program.include_shipping) {
    // Shipping with its tax when tax counts, without when it was already taken out.
    const shipping = program.include_tax ? order.shipping_total ?? 0 : order.shipping_subtotal ?? order.shipping_total ?? 0
    amount = MathBN.sub(amount, shipping)
  }
  return MathBN.lt(amount, 0) ? MathBN.convert(0) : amount
}

/** floor(eligible × rate × multiplier); 0 for a currency the program has no rate for. */
export function pointsFor(amount: any, rate: number | undefined, multiplier = 1) {
  if (!rate || rate <= 0) return 0
  return Math.max(0, Math.floor(MathBN.mult(MathBN.mult(amount, rate), multiplier).toNumber() + 1e-9))
}

/** The money value of `points` in a currency, to its minor unit (rounded down: never more than earned). */
export function pointsValue(points: number, pointValue: number, fractionDigits = 2) {
  const scale = 10 ** fractionDigits
  return Math.floor(MathBN.mult(points, pointValue).toNumber() * scale + 1e-9) / scale
}

/** The most points a cart of `total` may take, by the program's share. */
export function maxRedeemablePoints(total: any, share: number, pointValue: number) {
  if (!pointValue || pointValue <= 0) return 0
  return Math.floor(MathBN.div(MathBN.mult(total, share), pointValue).toNumber() + 1e-9)
}

/** The highest tier whose threshold the value reaches (tiers in any order), or null. */
export function tierFor(value: number, tiers: LoyaltyTier[]) {
  return [...tiers].sort((a, b) => b.threshold - a.threshold).find((t) => value >= t.threshold) ?? null
}

/** The next tier above the current value, with what is missing to reach it. */
export function nextTier(value: number, tiers: LoyaltyTier[]) {
  const next = [...tiers].sort((a, b) => a.threshold - b.threshold).find((t) => value < t.threshold)
  return next ? { name: next.name, threshold: next.threshold, remaining: next.threshold - value } : null
}

export type LedgerRow = {
  id: string
  type: string
  points: number
  available_at: Date | string
  expires_at?: Date | string | null
  reference?: string | null
  created_at?: Date | string
}

/**
 * What is left of each earned lot, replaying the ledger in time order:
 * reversals and expiries take from their own lot, everything else that takes
 * points (redemptions, negative adjustments) from the oldest lots first. Lots
 * are earns and positive adjustments.
 */
export function remainingByLot(entries: LedgerRow[]) {
  const t = (d: any) => new Date(d).getTime()
  const lots = new Map<string, { id: string; remaining: number; available_at: number; expires_at: number | null }>()
  const sorted = [...entries].sort(
    (a, b) => t(a.created_at ?? a.available_at) - t(b.created_at ?? b.available_at) || a.id.localeCompare(b.id)
  )
  for (const e of sorted) {
    if (e.points > 0 && (e.type === "earn" || e.type === "adjust" || (e.type === "reverse" && !lots.has(e.reference ?? "")))) {
      // A positive reversal (points given back for a canceled redemption) is a new lot.
      lots.set(e.id, { id: e.id, remaining: e.points, available_at: t(e.available_at), expires_at: e.expires_at ? t(e.expires_at) : null })
      continue
    }
    if (e.points >= 0) continue
    let take = -e.points
    const own = e.reference ? lots.get(e.reference) : undefined
    if (own && (e.type === "reverse" || e.type === "expire")) {
      const used = Math.min(take, own.remaining)
      own.remaining -= used
      take -= used
    }
    const fifo = [...lots.values()].sort((a, b) => a.available_at - b.available_at || a.id.localeCompare(b.id))
    for (const lot of fifo) {
      if (take <= 0) break
      const used = Math.min(take, lot.remaining)
      lot.remaining -= used
      take -= used
    }
  }
  return lots
}
