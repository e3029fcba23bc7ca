import { ENGAGEMENT_MODULE } from "../../src/modules/engagement"
import { RFM_GROUPS } from "../../src/modules/engagement/types"
import { createSegmentWorkflow } from "../../src/workflows/engagement"
import { handleOf } from "../../src/api/admin/segments/validators"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The segments a merchant starts from (the demo's Segments page): the
 * everyday ones and Shopify's eleven RFM groups, each a customer group.
 * Not part of seedDemoData: the tests build the segments they check.
 */
export async function seedDemoSegments(container: MedusaContainer) {
  const engagement: any = container.resolve(ENGAGEMENT_MODULE)
  const existing = new Set((await engagement.listSegments({}, { select: ["handle"], take: null })).map((s: any) => s.handle))
  const definitions = [
    { name: "Bought in the last 30 days", rule: "recent_buyers", params: { days: 30 } },
    { name: "Lapsed (90 days)", rule: "lapsed", params: { days: 90 } },
    { name: "Top 10 % by spend", rule: "high_value", params: { top_percent: 10 } },
    { name: "Omnichannel shoppers", rule: "omnichannel", params: { days: 365, min_channels: 2 } },
    { name: "Cart abandoners", rule: "cart_abandoners", params: { idle_hours: 4, within_days: 30 } },
    { name: "Subscribers", rule: "subscribers", params: {} },
    { name: "Account holders", rule: "account_holders", params: {} },
    ...RFM_GROUPS.map((group) => ({
      name: `RFM: ${group.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase())}`,
      rule: "rfm",
      params: { group },
    })),
  ]
  for (const d of definitions) {
    const handle = handleOf(d.name)
    if (existing.has(handle)) continue
    await createSegmentWorkflow(container).run({ input: { ...d, handle } as any })
  }
}
