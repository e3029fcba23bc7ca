import type { MedusaContainer } from "@medusajs/framework/types"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type { SegmentRule } from "../modules/engagement/types"
import { segmentReads } from "./segment-reads"
import { SEGMENT_RULES, type SegmentDefinition, type SegmentResult } from "./segment-rules"
import type { IEngagementModuleService } from "../types/modules"

export { endOfWindow, topShareThreshold, type SegmentDefinition, type SegmentResult } from "./segment-rules"

/**
 * Evaluates segments: everyone's membership (`customerIds` null, the full
 * refresh, which also measures thresholds and quintiles) or only these
 * customers' (an incremental update after an order, a cart or a customer
 * changed, against the last refresh's thresholds). Reads are shared between
 * segments of one call: the buyers' facts once, the customers once.
 */
export async function evaluateSegments(
  container: MedusaContainer,
  segments: SegmentDefinition[],
  options: { now: Date; customerIds: string[] | null }
): Promise<Map<string, SegmentResult>> {
  const scope = options.customerIds
  // No one to evaluate (an order without a customer): nobody is a member of anything.
  if (scope && !scope.length) return new Map(segments.map((s) => [s.id, { members: [] }]))

  const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const reads = segmentReads(container, engagement, options.now, scope)
  // Evaluated side by side: each is one indexed query for one customer, shared reads are memoised.
  const evaluated = await Promise.all(
    segments.map((segment) => {
      const rule = SEGMENT_RULES[segment.rule as SegmentRule]
      return rule ? rule({ ...segment, params: segment.params ?? {} }, reads) : { members: [] }
    })
  )
  return new Map(segments.map((segment, i) => [segment.id, evaluated[i]]))
}
