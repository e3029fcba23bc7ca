import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentRule } from "../../../modules/engagement/types"
import { applySegmentMembership, segmentCustomerLock, summarize, undoMembership, type Applied } from "../segment-membership"
import { evaluateSegmentTargets } from "./evaluate-segments"

export const updateCustomerSegmentsStepId = "update-omnichannel-customer-segments"

/**
 * An incremental update: these customers' segments evaluated and their
 * groups changed under each customer's lock (held across instances through
 * Medusa's Locking Module, only as long as this step), so the last change to
 * a customer is the one that stands. One step rather than lock, evaluate,
 * apply and unlock: this runs for every order, cart and profile change.
 */
export const updateCustomerSegmentsStep = createStep(
  updateCustomerSegmentsStepId,
  async (input: { customer_ids: string[]; rules?: `${SegmentRule}`[] | null; now?: Date | string }, { container }) => {
    // an order without a customer: nobody's segments to change
    if (!input.customer_ids.length) return new StepResponse([], [] as Applied[])
    const applied = await container.resolve(Modules.LOCKING).execute(
      input.customer_ids.map(segmentCustomerLock),
      async () => {
        const evaluated = await evaluateSegmentTargets(container, {
          customer_ids: input.customer_ids,
          rules: input.rules ?? null,
          now: input.now,
        })
        return applySegmentMembership(container, {
          targets: evaluated.map((e) => ({ segment_id: e.segment_id, customer_group_id: e.customer_group_id, members: e.members })),
          scope: input.customer_ids,
        })
      },
      { timeout: 30 }
    )
    return new StepResponse(summarize(applied), applied)
  },
  async (applied, { container }) => {
    if (applied?.length) await undoMembership(container, applied)
  }
)
