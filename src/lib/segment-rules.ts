import { addDays, subDays, subHours } from "date-fns"
import { ENGAGEMENT_DEFAULTS, SegmentRule, type SegmentParams, type SegmentState } from "../modules/engagement/types"
import { cartAbandoners } from "./idle-carts"
import { loadRfmBoundaries, rfmBoundaries, rfmGroups, storeRfmBoundaries } from "./rfm"
import type { SegmentReads } from "./segment-reads"

export type SegmentDefinition = {
  id: string
  rule: SegmentRule | `${SegmentRule}`
  params: SegmentParams
  state?: SegmentState | null
}

export type SegmentResult = {
  /** the members (within the scope when one is given) */
  members: string[]
  /** what the next incremental update reuses; only a full evaluation measures it */
  state?: SegmentState
}

type Rule = (segment: SegmentDefinition, reads: SegmentReads) => Promise<SegmentResult>

/** The first moment after an inclusive ISO end date (the window ends with its last day, UTC). */
export const endOfWindow = (to: string) => addDays(new Date(`${to}T00:00:00Z`), 1)

/**
 * The top `percent` of buyers by spend: the spend of the last buyer inside
 * ceil(n × percent / 100). Everyone spending at least as much is in (a tie
 * at the edge is not cut arbitrarily).
 */
export function topShareThreshold(spends: number[], percent: number): number | null {
  if (!spends.length) return null
  const sorted = [...spends].sort((a, b) => b - a)
  const k = Math.max(1, Math.ceil((sorted.length * percent) / 100))
  return sorted[Math.min(k, sorted.length) - 1]
}

const recentBuyers: Rule = async ({ params: p }, reads) => ({
  members: await reads.buyers({ since: subDays(reads.now, p.days!), sales_channel_id: p.sales_channel_id ?? null }),
})

const categoryBuyers: Rule = async ({ params: p }, reads) => ({
  members: await reads.buyers({
    since: p.days ? subDays(reads.now, p.days) : null,
    sales_channel_id: p.sales_channel_id ?? null,
    product_ids: await reads.categoryProducts(p.category_id!),
  }),
})

const seasonalBuyers: Rule = async ({ params: p }, reads) => ({
  members: await reads.buyers({
    since: new Date(`${p.from}T00:00:00Z`),
    before: endOfWindow(p.to!),
    sales_channel_id: p.sales_channel_id ?? null,
  }),
})

const lapsed: Rule = async ({ params: p }, reads) => ({
  members: await reads.lapsed({ sales_channel_id: p.sales_channel_id ?? null }, subDays(reads.now, p.days!)),
})

const omnichannel: Rule = async ({ params: p }, reads) => ({
  members: await reads.multichannel(
    { since: subDays(reads.now, p.days ?? ENGAGEMENT_DEFAULTS.omnichannel_days) },
    p.min_channels ?? ENGAGEMENT_DEFAULTS.min_channels
  ),
})

/** By a spend floor, or the top share (its threshold ranks every buyer: measured by the full refresh, reused by an update). */
const highValue: Rule = async (segment, reads) => {
  const p = segment.params
  const channel = p.sales_channel_id ?? null
  const rows = await reads.facts(p.currency_code, channel)
  if (p.min_spend !== undefined) return { members: rows.filter((r) => r.spend >= p.min_spend!).map((r) => r.customer_id) }
  const threshold = reads.scope
    ? segment.state?.threshold ??
      topShareThreshold((await reads.engagement.buyerFacts({ currency_code: p.currency_code, sales_channel_id: channel })).map((r) => r.spend), p.top_percent!)
    : topShareThreshold(rows.map((r) => r.spend), p.top_percent!)
  return {
    members: threshold === null ? [] : rows.filter((r) => r.spend >= threshold && r.spend > 0).map((r) => r.customer_id),
    ...(reads.scope ? {} : { state: { threshold } }),
  }
}

const subscribers: Rule = async (_segment, reads) => ({
  members: (await reads.customers()).filter((c) => c.metadata?.accepts_marketing === true).map((c) => c.id),
})

const accountHolders: Rule = async (_segment, reads) => ({
  members: (await reads.customers()).filter((c) => c.has_account).map((c) => c.id),
})

/** One of the eleven groups; quintiles measured by the full refresh, reused by an update. */
const rfm: Rule = async (segment, reads) => {
  const group = segment.params.group
  const rows = await reads.facts()
  if (group === "prospects") {
    const buyers = new Set(rows.map((r) => r.customer_id))
    // an incremental update whose customers all bought needs no read of the customers
    if (reads.scope?.every((id) => buyers.has(id))) return { members: [] }
    return { members: (await reads.customers()).filter((c) => !buyers.has(c.id)).map((c) => c.id) }
  }
  const bounds = await reads.once("rfm-bounds", async () =>
    reads.scope
      ? loadRfmBoundaries(segment.state?.rfm) ?? rfmBoundaries(await reads.engagement.buyerFacts({}))
      : rfmBoundaries(rows)
  )
  const groups = await reads.once("rfm-groups", async () => rfmGroups(rows, bounds))
  return {
    members: [...groups].filter(([, g]) => g === group).map(([id]) => id),
    ...(reads.scope ? {} : { state: { rfm: storeRfmBoundaries(bounds) } }),
  }
}

/**
 * A customer with a standing order placed within the idle time has bought
 * since any cart of theirs went idle: no cart to read for them (the common
 * case of an incremental update after an order).
 */
const abandoners: Rule = async ({ params: p }, reads) => {
  let candidates = reads.scope
  if (reads.scope) {
    const orderedSince = new Set(await reads.buyers({ since: subHours(reads.now, p.idle_hours ?? ENGAGEMENT_DEFAULTS.idle_hours) }))
    candidates = reads.scope.filter((id) => !orderedSince.has(id))
  }
  if (candidates && !candidates.length) return { members: [] }
  return { members: await cartAbandoners(reads.container, reads.engagement, p, reads.now, candidates) }
}

/** Each rule's evaluation. */
export const SEGMENT_RULES: Record<SegmentRule, Rule> = {
  [SegmentRule.RECENT_BUYERS]: recentBuyers,
  [SegmentRule.CATEGORY_BUYERS]: categoryBuyers,
  [SegmentRule.SEASONAL_BUYERS]: seasonalBuyers,
  [SegmentRule.LAPSED]: lapsed,
  [SegmentRule.OMNICHANNEL]: omnichannel,
  [SegmentRule.HIGH_VALUE]: highValue,
  [SegmentRule.SUBSCRIBERS]: subscribers,
  [SegmentRule.ACCOUNT_HOLDERS]: accountHolders,
  [SegmentRule.RFM]: rfm,
  [SegmentRule.CART_ABANDONERS]: abandoners,
}
