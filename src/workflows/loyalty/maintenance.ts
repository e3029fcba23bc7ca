import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { expireLoyaltyLotsStep } from "./steps/expire-loyalty-lots"
import { recomputeLoyaltyTierStep } from "./steps/recompute-loyalty-tier"

export const expireLoyaltyLotsWorkflowId = "expire-loyalty-lots"

/** The nightly expiry of loyalty lots; returns the ids of the `expire` entries written. */
export const expireLoyaltyLotsWorkflow = createWorkflow(expireLoyaltyLotsWorkflowId, (input: { now: Date | string }) => {
  return new WorkflowResponse(expireLoyaltyLotsStep(input))
})

export const recomputeLoyaltyTierWorkflowId = "recompute-loyalty-tier"

/** An account's tier brought up to date; `loyalty.tier_changed` when it moves. */
export const recomputeLoyaltyTierWorkflow = createWorkflow(
  recomputeLoyaltyTierWorkflowId,
  (input: { account_id: string; now?: Date | string }) => {
    const result = recomputeLoyaltyTierStep(input)
    when("tier-changed", { result }, ({ result }) => !!result?.changed).then(() => {
      emitEventStep(
        transform({ result }, ({ result }) => ({
          eventName: "loyalty.tier_changed",
          data: { account_id: result!.account_id, customer_id: result!.customer_id, from: result!.from, to: result!.to },
        }))
      ).config({ name: "emit-tier-changed" })
    })
    return new WorkflowResponse(result)
  }
)
