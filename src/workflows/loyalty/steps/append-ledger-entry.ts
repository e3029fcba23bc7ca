import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService, LoyaltyEntryRow, NewEntry } from "../../../types/modules"
import { LoyaltyEntryType } from "../../../modules/loyalty/types"

export type AppendLedgerEntryInput = NewEntry

export const appendLedgerEntryStepId = "append-loyalty-ledger-entry"

/**
 * Appends an entry (idempotent by its key, under the account lock). The
 * ledger is append-only, so compensation does not delete: it appends the
 * opposite entry (`reverse`, key `void:<id>`), and the pair sums to zero.
 */
export const appendLedgerEntryStep = createStep(
  appendLedgerEntryStepId,
  async (input: AppendLedgerEntryInput, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const { entry, created } = await service.appendEntry(input)
    return new StepResponse(entry, created ? entry : null)
  },
  async (entry, { container }) => {
    if (!entry || !entry.points) return
    await voidEntry(container.resolve(LOYALTY_MODULE), entry)
  }
)

/** The opposite of an entry (a failed checkout's redemption, a failed earn). */
export async function voidEntry(service: ILoyaltyModuleService, entry: LoyaltyEntryRow) {
  await service.appendEntry({
    account_id: entry.account_id,
    type: LoyaltyEntryType.REVERSE,
    points: -entry.points,
    idempotency_key: `void:${entry.id}`,
    reference: entry.id,
    order_id: entry.order_id ?? null,
    available_at: new Date(entry.available_at),
    metadata: { void: true },
    // Undoing an entry exactly, even an earn whose points were spent since.
    overdraft: "void",
  })
}
