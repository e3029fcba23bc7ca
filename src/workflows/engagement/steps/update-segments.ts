import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentParams, SegmentState } from "../../../modules/engagement/types"
import { engagementOf } from "../engagement-of"

export type SegmentChange = {
  id: string
  name?: string
  description?: string | null
  params?: SegmentParams
  customer_group_id?: string | null
  member_count?: number
  state?: SegmentState | null
  refreshed_at?: Date | null
}

export const updateSegmentsStepId = "update-omnichannel-segments"

/** Updates segments; the compensation puts back what each had. */
export const updateSegmentsStep = createStep(
  updateSegmentsStepId,
  async (changes: SegmentChange[], { container }) => {
    if (!changes.length) return new StepResponse<unknown[], SegmentChange[]>([], [])
    const engagement = engagementOf(container)
    const before = await engagement.listSegments({ id: changes.map((c) => c.id) }, { take: null })
    const previous = before.map((s) => {
      const change = changes.find((c) => c.id === s.id)!
      const keys = ["id", ...Object.keys(change)] as (keyof SegmentChange)[]
      return Object.fromEntries(keys.map((k) => [k, s[k]])) as SegmentChange
    })
    const updated = await engagement.updateSegments(changes)
    return new StepResponse<unknown[], SegmentChange[]>(updated, previous)
  },
  async (previous, { container }) => {
    if (previous?.length) await engagementOf(container).updateSegments(previous)
  }
)
