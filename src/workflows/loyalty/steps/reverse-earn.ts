import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"
import { LoyaltyEntryType } from "../../../modules/loyalty/types"
import { voidEntry } from "./append-ledger-entry"

export type ReverseEarnInput = {
  order_id: string
  /** one reversal per cancellation / refund: `reverse:cancel:<order>`, `reverse:refund:<refund id>` */
  idempotency_key: string
  /** money refunded; absent = the whole earn (cancellation) */
  refunded_amount?: number | null
  reason: string
}

export const reverseEarnStepId = "reverse-loyalty-earn"

/**
 * Takes back an order's points: all of them on cancellation, or the refunded
 * share of the original earn (points × refunded / eligible amount). Never more
 * than is left of that earn, and never below zero: from pending points while
 * the earn is still pending, else from the available balance. What could not
 * be taken back is recorded as `shortfall`.
 */
export const reverseEarnStep = createStep(reverseEarnStepId, async (input: ReverseEarnInput, { container }) => {
  const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [earn] = await service.listLoyaltyEntries({ idempotency_key: `earn:${input.order_id}` })
  if (!earn || earn.points <= 0) return new StepResponse(null, null)

  const requested = input.refunded_amount == null
    ? earn.points
    : Math.min(
        earn.points,
        Math.round(MathBN.div(MathBN.mult(earn.points, input.refunded_amount), earn.amount ?? 1).toNumber())
      )
  const earnPending = new Date(earn.available_at).getTime() > Date.now()

  const { entry, created } = await service.appendEntry({
    account_id: earn.account_id,
    type: LoyaltyEntryType.REVERSE,
    idempotency_key: input.idempotency_key,
    order_id: input.order_id,
    reference: earn.id,
    channel_id: earn.channel_id,
    // A pending earn is reversed while pending: it comes off the pending balance.
    available_at: earnPending ? new Date(earn.available_at) : undefined,
    metadata: { reason: input.reason, requested, refunded_amount: input.refunded_amount ?? null },
    points: async ({ balance, entries }) => {
      const alreadyReversed = (await entries({ type: LoyaltyEntryType.REVERSE, reference: earn.id }))
        .filter((e) => !e.metadata?.void)
        .reduce((s: number, e) => s - e.points, 0)
      const leftOfEarn = Math.max(0, earn.points - alreadyReversed)
      const spendable = earnPending ? leftOfEarn : Math.min(leftOfEarn, Math.max(0, balance.available))
      const taken = Math.min(requested, spendable)
      return { points: -taken, metadata: { shortfall: requested - taken } }
    },
  })
  return new StepResponse(entry, created ? entry : null)
}, async (entry, { container }) => {
  if (!entry || !entry.points) return
  await voidEntry(container.resolve(LOYALTY_MODULE), entry)
})
