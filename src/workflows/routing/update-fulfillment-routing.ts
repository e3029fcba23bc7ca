import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RoutingRule } from "../../lib/routing"
import { DEFAULT_SCOPE } from "../../modules/routing"
import { forgetCachedSettingsStep } from "../common/steps/forget-cached-settings"
import { upsertRoutingLocationsStep, type LocationRoutingChange } from "./steps/upsert-routing-locations"
import { upsertRoutingPoliciesStep, type PolicyChange } from "./steps/upsert-routing-policies"
import { validateRoutingReferencesStep } from "./steps/validate-routing-references"

type PolicyInput = { enabled?: boolean; rules: RoutingRule[]; priority?: string[] } | null

export type UpdateFulfillmentRoutingInput = {
  /** the policy of channels without their own; null removes it */
  default?: PolicyInput
  channels?: { sales_channel_id: string; policy: PolicyInput }[]
  locations?: LocationRoutingChange[]
}

export const updateFulfillmentRoutingWorkflowId = "update-fulfillment-routing"

/**
 * The merchant's delivery routing: the default and per-channel rules, and
 * which locations ship with their shipping safety stock and coordinates.
 * Every location and channel named must exist (400 naming the field); either
 * everything is saved or nothing.
 */
export const updateFulfillmentRoutingWorkflow = createWorkflow(
  updateFulfillmentRoutingWorkflowId,
  (input: UpdateFulfillmentRoutingInput) => {
    validateRoutingReferencesStep(input)
    const policies = transform({ input }, ({ input }): PolicyChange[] => [
      ...(input.default !== undefined ? [{ scope: DEFAULT_SCOPE, policy: input.default }] : []),
      ...(input.channels ?? []).map((c) => ({ scope: c.sales_channel_id, policy: c.policy })),
    ])
    upsertRoutingPoliciesStep(policies)
    upsertRoutingLocationsStep(transform({ input }, ({ input }) => input.locations ?? []))
    forgetCachedSettingsStep()
    return new WorkflowResponse(undefined)
  }
)
