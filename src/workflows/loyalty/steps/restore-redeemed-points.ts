import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService, LoyaltyEntryRow } from "../../../types/modules"
import { LoyaltyEntryType } from "../../../modules/loyalty/types"
import { voidEntry } from "./append-ledger-entry"

export const restoreRedeemedPointsStepId = "restore-redeemed-points"

/** A canceled order gives back the points it was paid with. */
export const restoreRedeemedPointsStep = createStep(
  restoreRedeemedPointsStepId,
  async (input: { order_id: string }, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const redeemed = await service.listLoyaltyEntries({ order_id: input.order_id, type: LoyaltyEntryType.REDEEM })
    const restored: LoyaltyEntryRow[] = []
    for (const r of redeemed) {
      const { entry, created } = await service.appendEntry({
        account_id: r.account_id,
        type: LoyaltyEntryType.REVERSE,
        points: -r.points,
        idempotency_key: `restore:${r.id}`,
        order_id: input.order_id,
        reference: r.id,
        channel_id: r.channel_id,
        metadata: { reason: "Order canceled: redeemed points returned" },
      })
      if (created) restored.push(entry)
    }
    return new StepResponse(restored, restored)
  },
  async (restored, { container }) => {
    for (const entry of restored ?? []) await voidEntry(container.resolve(LOYALTY_MODULE), entry)
  }
)
