import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type { SegmentParams, SegmentRule, SegmentState } from "../../../modules/engagement/types"
import type { IEngagementModuleService } from "../../../types/modules"

export type NewSegment = {
  handle: string
  name: string
  description?: string | null
  rule: SegmentRule | `${SegmentRule}`
  params: SegmentParams
}

const engagementOf = (container: MedusaContainer) => container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)

export const createSegmentStep = createStep(
  "create-omnichannel-segment",
  async (input: NewSegment, { container }) => {
    // The API spells the rule as the enum's string value: the same value, typed as the enum.
    const segment = await engagementOf(container).createSegments({ ...input, rule: input.rule as SegmentRule })
    return new StepResponse(segment, segment.id)
  },
  async (id, { container }) => {
    if (id) await engagementOf(container).deleteSegments(id)
  }
)

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

/** Updates segments; the compensation puts back what each had. */
export const updateSegmentsStep = createStep(
  "update-omnichannel-segments",
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

/** Soft-deletes a segment and its member rows' owner; restored by the compensation. */
export const deleteSegmentStep = createStep(
  "delete-omnichannel-segment",
  async (id: string, { container }) => {
    await engagementOf(container).softDeleteSegments(id)
    return new StepResponse(undefined, id)
  },
  async (id, { container }) => {
    if (id) await engagementOf(container).restoreSegments(id)
  }
)
