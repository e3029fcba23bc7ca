import {
  acquireLockStep,
  createCustomerGroupsStep,
  deleteCustomerGroupStep,
  releaseLockStep,
  updateCustomerGroupsStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, parallelize, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentParams, SegmentRule } from "../../modules/engagement/types"
import { segmentCustomerLock } from "./segment-membership"
import { applySegmentMembershipStep } from "./steps/apply-segment-membership"
import { attributeRecoveryStep } from "./steps/attribute-recovery"
import { evaluateSegmentsStep, ORDER_RULES } from "./steps/evaluate-segments"
import { recordPurchasesStep } from "./steps/record-purchases"
import { createSegmentStep } from "./steps/create-segment"
import { deleteSegmentStep } from "./steps/delete-segment"
import { updateCustomerSegmentsStep } from "./steps/update-customer-segments"
import { updateSegmentsStep } from "./steps/update-segments"
import { validateSegmentStep } from "./steps/validate-segment"

/** One full refresh at a time across instances; a second waits for it. */
export const SEGMENTS_REFRESH_LOCK = "omnichannel:segments:refresh"
export { segmentCustomerLock }

/**
 * The full refresh: every segment (or those named) evaluated over all
 * customers, then each customer group brought to its members, then the
 * counts, thresholds and quintiles stored for incremental updates. Run
 * nightly and when a segment is created or changed.
 */
export const refreshSegmentsWorkflow = createWorkflow(
  "refresh-omnichannel-segments",
  (input: { segment_ids?: string[] | null; now?: Date | string }) => {
    acquireLockStep({ key: SEGMENTS_REFRESH_LOCK, timeout: 120, ttl: 600 })
    const evaluated = evaluateSegmentsStep(
      transform({ input }, ({ input }) => ({ segment_ids: input.segment_ids ?? null, customer_ids: null, now: input.now }))
    )
    const applied = applySegmentMembershipStep(
      transform({ evaluated }, ({ evaluated }) => ({
        targets: evaluated.map((e) => ({ segment_id: e.segment_id, customer_group_id: e.customer_group_id, members: e.members })),
        scope: null,
      }))
    )
    updateSegmentsStep(
      transform({ evaluated, input }, ({ evaluated, input }) => {
        const at = input.now ? new Date(input.now) : new Date()
        return evaluated.map((e) => ({
          id: e.segment_id,
          member_count: new Set(e.members).size,
          state: e.state ?? null,
          refreshed_at: at,
        }))
      })
    )
    releaseLockStep({ key: SEGMENTS_REFRESH_LOCK })
    return new WorkflowResponse(applied)
  }
)

export type CreateSegmentInput = {
  handle: string
  name: string
  description?: string | null
  rule: SegmentRule | `${SegmentRule}`
  params: SegmentParams
}

/**
 * A new segment and the Medusa customer group that holds its members (named
 * as the segment, marked as the plugin's in its metadata), filled at once.
 */
export const createSegmentWorkflow = createWorkflow("create-omnichannel-segment", (input: CreateSegmentInput) => {
  validateSegmentStep(input)
  const segment = createSegmentStep(input)
  const groups = createCustomerGroupsStep(
    transform({ input, segment }, ({ input, segment }) => [
      { name: input.name, metadata: { omnichannel_segment_id: segment.id, omnichannel_rule: input.rule } },
    ])
  )
  updateSegmentsStep(transform({ segment, groups }, ({ segment, groups }) => [{ id: segment.id, customer_group_id: groups[0].id }]))
  const refreshed = refreshSegmentsWorkflow.runAsStep({
    input: transform({ segment }, ({ segment }) => ({ segment_ids: [segment.id] })),
  })
  return new WorkflowResponse(transform({ segment, refreshed }, ({ segment }) => ({ id: segment.id })))
})

export type UpdateSegmentInput = {
  id: string
  name?: string
  description?: string | null
  params?: SegmentParams
  customer_group_id: string | null
}

/** New name, description or parameters (the rule stays); the group is renamed with it and members re-evaluated. */
export const updateSegmentWorkflow = createWorkflow("update-omnichannel-segment", (input: UpdateSegmentInput) => {
  validateSegmentStep(input)
  updateSegmentsStep(
    transform({ input }, ({ input }) => [
      {
        id: input.id,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.params !== undefined ? { params: input.params, state: null } : {}),
      },
    ])
  )
  when({ input }, ({ input }) => !!input.name && !!input.customer_group_id).then(() => {
    updateCustomerGroupsStep(
      transform({ input }, ({ input }) => ({ selector: { id: input.customer_group_id! }, update: { name: input.name! } }))
    )
  })
  refreshSegmentsWorkflow.runAsStep({ input: transform({ input }, ({ input }) => ({ segment_ids: [input.id] })) })
  return new WorkflowResponse(undefined)
})

/** The segment and its customer group go (price lists and promotions lose it as they would any deleted group). */
export const deleteSegmentWorkflow = createWorkflow(
  "delete-omnichannel-segment",
  (input: { id: string; customer_group_id: string | null }) => {
    deleteSegmentStep(input.id)
    when({ input }, ({ input }) => !!input.customer_group_id).then(() => {
      deleteCustomerGroupStep(transform({ input }, ({ input }) => [input.customer_group_id!]))
    })
    return new WorkflowResponse(undefined)
  }
)

/**
 * The incremental update: one customer's membership of every segment,
 * re-evaluated after their order, cart or profile changed, against the last
 * full refresh's thresholds and quintiles. Serialised per customer across
 * instances, so the last change to a customer is the one that stands.
 */
export const syncCustomerSegmentsWorkflow = createWorkflow(
  "sync-omnichannel-customer-segments",
  (input: { customer_id: string; now?: Date | string }) => {
    const applied = updateCustomerSegmentsStep(
      transform({ input }, ({ input }) => ({
        customer_ids: [input.customer_id],
        now: input.now,
      }))
    )
    return new WorkflowResponse(applied)
  }
)

/**
 * An order placed, canceled or moved: its purchase recorded, then its
 * customer's segments updated in the same run (one workflow, not two: this
 * runs for every order) under the same per-customer lock as any other
 * incremental update, and a reminded cart it recovers marked beside them
 * (neither reads what the other writes).
 */
export const recordOrderEngagementWorkflow = createWorkflow(
  "record-omnichannel-order-engagement",
  (input: { order_ids: string[]; now?: Date | string }) => {
    const recorded = recordPurchasesStep(input)
    parallelize(
      // Only the segments an order can change (a profile's are kept by syncCustomerSegmentsWorkflow).
      updateCustomerSegmentsStep(
        transform({ recorded, input }, ({ recorded, input }) => ({
          customer_ids: recorded.customer_ids,
          rules: ORDER_RULES,
          now: input.now,
        }))
      ).config({ name: "update-order-customer-segments" }),
      attributeRecoveryStep(transform({ recorded }, ({ recorded }) => recorded.purchases))
    )
    return new WorkflowResponse(recorded)
  }
)
