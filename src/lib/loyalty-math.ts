import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import type { LoyaltyProgramSettings, LoyaltyTier } from "../modules/loyalty/types"

/** What an order earns on: its total, less tax and/or shipping when the program says so. */
export function eligibleAmount(
  order: {
    total: BigNumberInput | null
    tax_total?: BigNumberInput | null
    shipping_total?: BigNumberInput | null
    shipping_subtotal?: BigNumberInput | null
    shipping_tax_total?: BigNumberInput | null
  },
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
export function pointsFor(amount: BigNumberInput, rate: number | undefined, multiplier = 1) {
  if (!rate || rate <= 0) return 0
  return Math.max(0, Math.floor(MathBN.mult(MathBN.mult(amount, rate), multiplier).toNumber() + 1e-9))
}

/** The money value of `points` in a currency, to its minor unit (rounded down: never more than earned). */
export function pointsValue(points: number, pointValue: number, fractionDigits = 2) {
  const scale = 10 ** fractionDigits
  return Math.floor(MathBN.mult(points, pointValue).toNumber() * scale + 1e-9) / scale
}

/** The most points a cart of `total` may take, by the program's share. */
export function maxRedeemablePoints(total: BigNumberInput, share: number, pointValue: number) {
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

// The ledger's lot maths belongs to the loyalty module (its service replays lots); kept here for the other importers.
export { remainingByLot, type LedgerRow } from "../modules/loyalty/lots"
