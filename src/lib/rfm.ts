// The facts are what the engagement module's buyerFacts() returns, so the module owns their type.
import type { RfmFacts, RfmGroup, SegmentState } from "../modules/engagement/types"
export type { RfmFacts }

/** Per dimension, the four values where scores 2, 3, 4 and 5 begin. */
export type RfmBoundaries = { recency: number[]; frequency: number[]; monetary: number[] }

/** Boundaries as a segment's state keeps them: JSON has no Infinity, so a boundary no value reaches is null. */
export type StoredRfmBoundaries = NonNullable<SegmentState["rfm"]>

export const storeRfmBoundaries = (b: RfmBoundaries): StoredRfmBoundaries => ({
  recency: b.recency.map((v) => (Number.isFinite(v) ? v : null)),
  frequency: b.frequency.map((v) => (Number.isFinite(v) ? v : null)),
  monetary: b.monetary.map((v) => (Number.isFinite(v) ? v : null)),
})

/** The stored boundaries back (null when none were stored). */
export const loadRfmBoundaries = (s: StoredRfmBoundaries | null | undefined): RfmBoundaries | null =>
  s?.recency
    ? {
        recency: s.recency.map((v) => v ?? Number.POSITIVE_INFINITY),
        frequency: s.frequency.map((v) => v ?? Number.POSITIVE_INFINITY),
        monetary: s.monetary.map((v) => v ?? Number.POSITIVE_INFINITY),
      }
    : null

/**
 * Quintile boundaries of one dimension. A value's score is 1 + floor(5 × its
 * percent rank), the percent rank being the share of the other buyers below
 * it, so buyers with the same value always get the same score (most shops'
 * one-order buyers share F = 1, rather than being cut at an arbitrary row).
 * Boundary k is the smallest value whose percent rank reaches k/5; a value
 * outside the population (a buyer since the refresh) is scored against the
 * same boundaries.
 */
export function quintileBoundaries(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const bounds: number[] = []
  for (let k = 1; k <= 4; k++) {
    let found = Number.POSITIVE_INFINITY
    for (let i = 0; i < n; i++) {
      // the percent rank of sorted[i] is (index of the first equal value) / (n - 1)
      if (i > 0 && sorted[i] === sorted[i - 1]) continue
      if (n > 1 && i / (n - 1) >= k / 5) {
        found = sorted[i]
        break
      }
    }
    bounds.push(found)
  }
  return bounds
}

export function scoreOf(value: number, bounds: number[]): number {
  return 1 + bounds.filter((b) => value >= b).length
}

export function rfmBoundaries(facts: RfmFacts[]): RfmBoundaries {
  return {
    recency: quintileBoundaries(facts.map((f) => f.last_order_at)),
    frequency: quintileBoundaries(facts.map((f) => f.orders)),
    monetary: quintileBoundaries(facts.map((f) => f.spend)),
  }
}

/**
 * The group of a recency score and FM = (F + M) / 2, as Shopify defines the
 * groups: recent buyers split by how much and how often they buy (new,
 * promising, active, loyal, champions), those slipping (needs attention),
 * and those gone quiet by how strong their history is (dormant, almost lost,
 * at risk, previously loyal). Every (R, FM) pair has exactly one group.
 *
 *   R \ FM   1–1.5   2–2.5         3–3.5            4               4.5–5
 *   5        new     promising     active           loyal           champions
 *   4        promising             active           loyal
 *   3        needs attention                        loyal
 *   2        almost lost           at risk                          previously loyal
 *   1        dormant               at risk          previously loyal
 */
export function rfmGroupOf(r: number, f: number, m: number): RfmGroup {
  const fm = (f + m) / 2
  switch (r) {
    case 5:
      if (fm >= 4.5) return "champions"
      if (fm >= 4) return "loyal"
      if (fm >= 3) return "active"
      if (fm >= 2) return "promising"
      return "new"
    case 4:
      if (fm >= 4) return "loyal"
      if (fm >= 3) return "active"
      return "promising"
    case 3:
      return fm >= 4 ? "loyal" : "needs_attention"
    case 2:
      if (fm >= 4.5) return "previously_loyal"
      if (fm >= 3) return "at_risk"
      return "almost_lost"
    default:
      if (fm >= 4) return "previously_loyal"
      if (fm >= 3) return "at_risk"
      return "dormant"
  }
}

/** Every buyer's group, against the given boundaries (those of `facts` unless the caller has others). */
export function rfmGroups(facts: RfmFacts[], bounds: RfmBoundaries = rfmBoundaries(facts)): Map<string, RfmGroup> {
  const groups = new Map<string, RfmGroup>()
  for (const f of facts) {
    groups.set(
      f.customer_id,
      rfmGroupOf(
        scoreOf(f.last_order_at, bounds.recency),
        scoreOf(f.orders, bounds.frequency),
        scoreOf(f.spend, bounds.monetary)
      )
    )
  }
  return groups
}
