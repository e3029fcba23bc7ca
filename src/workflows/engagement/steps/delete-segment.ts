import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { engagementOf } from "../engagement-of"

export const deleteSegmentStepId = "delete-omnichannel-segment"

/** Soft-deletes a segment and its member rows' owner; restored by the compensation. */
export const deleteSegmentStep = createStep(
  deleteSegmentStepId,
  async (id: string, { container }) => {
    await engagementOf(container).softDeleteSegments(id)
    return new StepResponse(undefined, id)
  },
  async (id, { container }) => {
    if (id) await engagementOf(container).restoreSegments(id)
  }
)
