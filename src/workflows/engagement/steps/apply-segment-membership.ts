import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { applySegmentMembership, summarize, undoMembership, type MembershipTarget } from "../segment-membership"

export const applySegmentMembershipStepId = "apply-omnichannel-segment-membership"

/** The membership change as a step (the full refresh); the compensation reverses both the groups and the claims. */
export const applySegmentMembershipStep = createStep(
  applySegmentMembershipStepId,
  async (input: { targets: MembershipTarget[]; scope: string[] | null }, { container }) => {
    const applied = await applySegmentMembership(container, input)
    return new StepResponse(summarize(applied), applied)
  },
  async (applied, { container }) => {
    if (applied?.length) await undoMembership(container, applied)
  }
)
