import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { evaluateSegments } from "../../../lib/segments"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import { SegmentRule, type SegmentState } from "../../../modules/engagement/types"
import type { IEngagementModuleService } from "../../../types/modules"

export type EvaluatedSegment = {
  segment_id: string
  customer_group_id: string
  members: string[]
  state?: SegmentState
}

export type EvaluateSegmentsInput = {
  segment_ids?: string[] | null
  /** only the segments of these rules */
  rules?: `${SegmentRule}`[] | null
  /** only these customers (an incremental update), or everyone (null) */
  customer_ids: string[] | null
  now?: Date | string
}

/** The rules an order can change someone's membership of (not the profile's: subscribers, account holders). */
export const ORDER_RULES: `${SegmentRule}`[] = Object.values(SegmentRule).filter(
  (r) => r !== SegmentRule.SUBSCRIBERS && r !== SegmentRule.ACCOUNT_HOLDERS
)

/** Who belongs to each segment (all of them, those named, or those of some rules): everyone, or only `customer_ids`. */
export async function evaluateSegmentTargets(container: MedusaContainer, input: EvaluateSegmentsInput): Promise<EvaluatedSegment[]> {
  const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const segments = (await engagement.segmentsToEvaluate(input.segment_ids ?? null)).filter(
    (s) => !input.rules || input.rules.includes(s.rule as SegmentRule)
  )
  const now = input.now ? new Date(input.now) : new Date()
  const results = await evaluateSegments(container, segments, { now, customerIds: input.customer_ids })
  return segments.map<EvaluatedSegment>((s) => ({
    segment_id: s.id,
    customer_group_id: s.customer_group_id,
    members: results.get(s.id)?.members ?? [],
    state: results.get(s.id)?.state,
  }))
}

export const evaluateSegmentsStepId = "evaluate-omnichannel-segments"

/** The evaluation as a step (the full refresh). A read; nothing to compensate. */
export const evaluateSegmentsStep = createStep(
  evaluateSegmentsStepId,
  async (input: EvaluateSegmentsInput, { container }) => new StepResponse(await evaluateSegmentTargets(container, input))
)
