import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LoyaltyEntryType } from "../../modules/loyalty/types"
import { appendLedgerEntryStep } from "./steps/append-ledger-entry"
import { ensureLoyaltyAccountStep } from "./steps/ensure-account"

export type AdjustPointsInput = {
  customer_id: string
  points: number
  reason: string
  /** the admin user who made it (audit) */
  actor_id: string
  /** the request's idempotency key, so a retried POST adds one entry */
  idempotency_key: string
}

export const adjustPointsWorkflowId = "adjust-loyalty-points"

/** A merchant's manual correction: an `adjust` entry naming who and why; never below zero. */
export const adjustPointsWorkflow = createWorkflow(adjustPointsWorkflowId, (input: AdjustPointsInput) => {
  const account = ensureLoyaltyAccountStep({ customer_id: input.customer_id })
  const entry = appendLedgerEntryStep(
    transform({ input, account }, ({ input, account }) => ({
      account_id: account.id,
      type: LoyaltyEntryType.ADJUST,
      points: input.points,
      idempotency_key: input.idempotency_key,
      metadata: { reason: input.reason, adjusted_by: input.actor_id },
    }))
  )
  emitEventStep({
    eventName: "loyalty.points_adjusted",
    data: transform({ entry }, ({ entry }) => ({ id: entry.id, account_id: entry.account_id, points: entry.points })),
  })
  return new WorkflowResponse(entry)
})
