import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateSegments } from "../../../lib/segments"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type EngagementModuleService from "../../../modules/engagement/service"
import type { SegmentState } from "../../../modules/engagement/types"

export type EvaluatedSegment = {
  segment_id: string
  customer_group_id: string
  members: string[]
  state?: SegmentState
}

/**
 * Who belongs to each segment (all of them, or those named): everyone, or
 * only `customer_ids`. A read; nothing to compensate.
 */
export const evaluateSegmentsStep = createStep(
  "evaluate-omnichannel-segments",
  async (input: { segment_ids?: string[] | null; customer_ids: string[] | null; now?: Date | string }, { container }) => {
    const engagement = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
    const segments = (
      await engagement.listSegments(input.segment_ids ? { id: input.segment_ids } : {}, { take: null } as any)
    ).filter((s) => s.customer_group_id)
    const now = input.now ? new Date(input.now) : new Date()
    const results = await evaluateSegments(container, segments as any, { now, customerIds: input.customer_ids })
    return new StepResponse(
      segments.map<EvaluatedSegment>((s) => ({
        segment_id: s.id,
        customer_group_id: s.customer_group_id!,
        members: results.get(s.id)?.members ?? [],
        state: results.get(s.id)?.state,
      }))
    )
  }
)
