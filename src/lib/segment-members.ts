import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import { SegmentRule, type SegmentMemberRow } from "../modules/engagement/types"
import { csvField } from "./recent-purchases"
import { loadRfmBoundaries, rfmBoundaries, rfmGroups } from "./rfm"
import type { IEngagementModuleService } from "../types/modules"

export type { SegmentMemberRow }

/**
 * A page of a segment's members as a marketing tool wants them: who (email,
 * name), where they buy (channel names), when they last ordered, what they
 * spent over their lifetime on every channel, and their RFM group (against
 * the last refresh's quintiles).
 */
export async function pageSegmentMembers(
  container: MedusaContainer,
  segmentId: string,
  limit: number,
  offset: number
): Promise<{ members: SegmentMemberRow[]; count: number }> {
  const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const { customer_ids, count } = await engagement.pageMembers(segmentId, limit, offset)
  if (!customer_ids.length) return { members: [], count }
  const [customers, summaries, channels, facts, [rfmSegment]] = await Promise.all([
    container.resolve(Modules.CUSTOMER).listCustomers({ id: customer_ids }, {
      select: ["id", "email", "first_name", "last_name", "has_account"],
      take: null,
    }),
    engagement.customerSummaries(customer_ids),
    container.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { select: ["id", "name"], take: null }),
    engagement.buyerFacts({ customer_ids }),
    engagement.listSegments({ rule: SegmentRule.RFM, refreshed_at: { $ne: null } }, { select: ["state"], take: 1 }),
  ])
  const bounds = loadRfmBoundaries(rfmSegment?.state?.rfm) ?? rfmBoundaries(await engagement.buyerFacts({}))
  const groups = rfmGroups(facts, bounds)
  const channelName = new Map(channels.map((c) => [c.id, c.name]))
  const byId = new Map(customers.map((c) => [c.id, c]))
  const members = customer_ids.map<SegmentMemberRow>((id) => {
    const c = byId.get(id)
    const s = summaries.get(id)
    return {
      customer_id: id,
      email: c?.email ?? null,
      first_name: c?.first_name ?? null,
      last_name: c?.last_name ?? null,
      has_account: !!c?.has_account,
      channels: (s?.channels ?? []).map((ch) => channelName.get(ch) ?? ch).sort(),
      last_order_at: s?.last_order_at ? new Date(s.last_order_at).toISOString() : null,
      orders: s?.orders ?? 0,
      lifetime_spend: s?.spend ?? 0,
      rfm_group: groups.get(id) ?? "prospects",
    }
  })
  return { members, count }
}

const CSV_COLUMNS: (keyof SegmentMemberRow)[] = [
  "email",
  "first_name",
  "last_name",
  "channels",
  "last_order_at",
  "orders",
  "lifetime_spend",
  "rfm_group",
  "has_account",
  "customer_id",
]

export function segmentMembersCsv(members: SegmentMemberRow[], header = true): string {
  const lines = header ? [CSV_COLUMNS.join(",")] : []
  for (const m of members) {
    lines.push(CSV_COLUMNS.map((c) => csvField(c === "channels" ? m.channels.join("; ") : m[c])).join(","))
  }
  return lines.length ? lines.join("\r\n") + "\r\n" : ""
}
