import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentParams, SegmentRule } from "../../../modules/engagement/types"
import { engagementOf } from "../engagement-of"

export type NewSegment = {
  handle: string
  name: string
  description?: string | null
  rule: SegmentRule | `${SegmentRule}`
  params: SegmentParams
}

export const createSegmentStepId = "create-omnichannel-segment"

/** A new segment row; the compensation deletes it. */
export const createSegmentStep = createStep(
  createSegmentStepId,
  async (input: NewSegment, { container }) => {
    // The API spells the rule as the enum's string value: the same value, typed as the enum.
    const segment = await engagementOf(container).createSegments({ ...input, rule: input.rule as SegmentRule })
    return new StepResponse(segment, segment.id)
  },
  async (id, { container }) => {
    if (id) await engagementOf(container).deleteSegments(id)
  }
)
