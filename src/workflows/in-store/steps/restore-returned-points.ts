import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import { LoyaltyEntryType } from "../../../modules/loyalty/types"
import { voidEntry } from "../../loyalty/steps/append-ledger-entry"
import type { ILoyaltyModuleService } from "../../../types/modules"

export const restoreReturnedPointsStepId = "restore-returned-points"

type Entry = Awaited<ReturnType<ILoyaltyModuleService["appendEntry"]>>["entry"]

/**
 * What a return owes beyond the money the payment gave (`remainder`) was paid
 * in points: that share of the order's redeemed points goes back to the
 * shopper (never more than were redeemed, less what earlier returns gave
 * back), one entry per return. Medusa keeps a points credit on what is left of
 * the order, so a partial return is refunded in money first and gives back
 * points only once the money no longer covers it.
 */
export const restoreReturnedPointsStep = createStep(
  restoreReturnedPointsStepId,
  async (input: { order_id: string; return_id: string; remainder: number }, { container }) => {
    if (!(input.remainder > 0)) return new StepResponse(null as Entry | null, null as Entry | null)
    const service = container.resolve<ILoyaltyModuleService>(LOYALTY_MODULE)
    const entries = await service.listLoyaltyEntries({ order_id: input.order_id })
    const redeemed = entries.filter((e) => e.type === LoyaltyEntryType.REDEEM)
    if (!redeemed.length) return new StepResponse(null as Entry | null, null as Entry | null)
    const points = redeemed.reduce((s, e) => s - Number(e.points), 0)
    const value = redeemed.reduce((s, e) => s + Number((e.metadata as { amount?: number } | null)?.amount ?? 0), 0)
    const given = entries
      .filter((e) => e.type === LoyaltyEntryType.REVERSE && (e.metadata as { kind?: string } | null)?.kind === "return_restore")
      .reduce((s, e) => s + Number(e.points), 0)
    const back = Math.min(points - given, value > 0 ? Math.round((points * input.remainder) / value) : 0)
    if (back <= 0) return new StepResponse(null as Entry | null, null as Entry | null)
    const { entry, created } = await service.appendEntry({
      account_id: redeemed[0].account_id,
      type: LoyaltyEntryType.REVERSE,
      points: back,
      idempotency_key: `restore:return:${input.return_id}`,
      order_id: input.order_id,
      reference: input.return_id,
      channel_id: redeemed[0].channel_id,
      metadata: { kind: "return_restore", reason: "Returned: the points it was paid with given back", amount: input.remainder },
    })
    return new StepResponse(entry as Entry | null, created ? (entry as Entry) : null)
  },
  async (entry, { container }) => {
    if (entry) await voidEntry(container.resolve(LOYALTY_MODULE), entry)
  }
)
