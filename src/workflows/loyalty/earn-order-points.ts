import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { addDays, addMonths } from "date-fns"
import { pointsFor } from "../../lib/loyalty-math"
import { LoyaltyEntryType } from "../../modules/loyalty/types"
import type { LoyaltyEntryRow } from "../../types/modules"
import { appendLedgerEntryStep } from "./steps/append-ledger-entry"
import { ensureLoyaltyAccountStep } from "./steps/ensure-account"
import { prepareEarnStep } from "./steps/prepare-earn"

export const earnOrderPointsWorkflowId = "earn-order-points"

/**
 * An order placed on any channel by a known customer earns
 * floor(eligible × rate × tier multiplier) points, pending until the return
 * window (pending_days) has passed, expiring expiry_months later. One earn per
 * order (key `earn:<order_id>`): a re-delivered order.placed changes nothing.
 */
export const earnOrderPointsWorkflow = createWorkflow(earnOrderPointsWorkflowId, (input: { order_id: string }) => {
  const prepared = prepareEarnStep(input)
  const result = when({ prepared }, ({ prepared }) => !!prepared).then(() => {
    const account = ensureLoyaltyAccountStep(transform({ prepared }, ({ prepared }) => ({ customer_id: prepared!.customer_id })))
    const entryInput = transform({ prepared, account }, ({ prepared, account }) => {
      const p = prepared!
      const tier = account.tier ? p.program.tiers.find((t) => t.name === account.tier) : null
      const multiplier = tier?.multiplier ?? 1
      const availableAt = addDays(new Date(), p.program.pending_days)
      return {
        account_id: account.id,
        type: LoyaltyEntryType.EARN,
        points: pointsFor(p.amount, p.rate, multiplier),
        idempotency_key: `earn:${p.order_id}`,
        available_at: availableAt,
        expires_at: p.program.expiry_months ? addMonths(availableAt, p.program.expiry_months) : null,
        channel_id: p.channel_id,
        order_id: p.order_id,
        amount: p.amount,
        currency_code: p.currency_code,
        metadata: { rate: p.rate, multiplier, tier: tier?.name ?? null },
      }
    })
    const entry = appendLedgerEntryStep(entryInput)
    emitEventStep({
      eventName: "loyalty.points_earned",
      data: transform({ entry }, ({ entry }) => ({
        id: entry.id,
        account_id: entry.account_id,
        order_id: entry.order_id,
        points: entry.points,
      })),
    })
    return entry
  })
  // The entry, or undefined when the order earns nothing (when() skipped): Medusa types when()'s result as possibly missing data.
  return new WorkflowResponse(result as WorkflowData<LoyaltyEntryRow | undefined>)
})

