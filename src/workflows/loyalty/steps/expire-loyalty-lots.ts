import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { remainingByLot } from "../../../lib/loyalty-math"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService, LoyaltyEntryRow } from "../../../types/modules"
import { LoyaltyEntryType } from "../../../modules/loyalty/types"
import { voidEntry } from "./append-ledger-entry"

// The same string as expireLoyaltyLotsWorkflowId: both ids are persisted, neither changes.
export const expireLoyaltyLotsStepId = "expire-loyalty-lots"

/**
 * Lots past their expires_at lose what is left of them (oldest lots are spent
 * first, see remainingByLot): one `expire` entry per lot, key `expire:<lot>`,
 * under the account lock. Running it again, or on two instances at once, adds
 * nothing. Compensation voids each entry it wrote (voidEntry: the ledger is
 * append-only).
 */
export const expireLoyaltyLotsStep = createStep(
  expireLoyaltyLotsStepId,
  async (input: { now: Date | string }, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const now = new Date(input.now)
    const due = await service.listExpiredLots(now)
    const written: LoyaltyEntryRow[] = []
    for (const { account_id, lot_id } of due) {
      const { entry, created } = await service.appendEntry({
        account_id,
        type: LoyaltyEntryType.EXPIRE,
        idempotency_key: `expire:${lot_id}`,
        reference: lot_id,
        points: async ({ ledger, balance }) => {
          const left = remainingByLot(await ledger()).get(lot_id)?.remaining ?? 0
          // What is left of the lot, never more than the account holds (a shortfall is recorded).
          const taken = Math.min(Math.max(0, left), Math.max(0, balance.available))
          return { points: -taken, metadata: { lot: lot_id, shortfall: Math.max(0, left) - taken } }
        },
      })
      if (created) written.push(entry)
    }
    return new StepResponse(written.map((w) => w.id), written)
  },
  async (written, { container }) => {
    if (!written?.length) return
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    for (const entry of written) await voidEntry(service, entry)
  }
)
