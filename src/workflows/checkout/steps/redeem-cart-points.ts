import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"
import { LoyaltyEntryType } from "../../../modules/loyalty/types"
import { voidEntry } from "../../loyalty/steps/append-ledger-entry"

export type RedeemCartPointsInput = {
  order_id: string
  cart_id: string
  customer_id: string
  sales_channel_id: string | null
  points: number
  amount: number
}

export const redeemCartPointsStepId = "redeem-cart-points"

/**
 * Debits the points that paid part of the new order: a `redeem` entry under
 * the account lock (409 "Not enough points" if the balance no longer covers
 * them), one per order (idempotency key `redeem:<order>`). The ledger is
 * append-only, so compensation appends the opposite entry.
 */
export const redeemCartPointsStep = createStep(
  redeemCartPointsStepId,
  async (input: RedeemCartPointsInput, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { account } = await service.ensureAccount(input.customer_id)
    const { entry, created } = await service.appendEntry({
      account_id: account.id,
      type: LoyaltyEntryType.REDEEM,
      points: -input.points,
      idempotency_key: `redeem:${input.order_id}`,
      order_id: input.order_id,
      reference: input.cart_id,
      channel_id: input.sales_channel_id,
      metadata: { amount: input.amount },
    })
    return new StepResponse(entry, created ? entry : null)
  },
  async (entry, { container }) => {
    if (entry) await voidEntry(container.resolve(LOYALTY_MODULE), entry)
  }
)
