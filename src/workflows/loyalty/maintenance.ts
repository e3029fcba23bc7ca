import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { subMonths } from "date-fns"
import { remainingByLot, tierFor } from "../../lib/loyalty-math"
import { LOYALTY_MODULE } from "../../modules/loyalty"
import type { ILoyaltyModuleService, LoyaltyEntryRow } from "../../types/modules"
import { LoyaltyEntryType } from "../../modules/loyalty/types"
import { voidEntry } from "./steps/append-ledger-entry"

/**
 * Lots past their expires_at lose what is left of them (oldest lots are spent
 * first, see remainingByLot): one `expire` entry per lot, key `expire:<lot>`,
 * under the account lock. Running it again, or on two instances at once, adds
 * nothing. Compensation voids each entry it wrote (voidEntry: the ledger is
 * append-only).
 */
export const expireLoyaltyLotsStep = createStep(
  "expire-loyalty-lots",
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

export const expireLoyaltyLotsWorkflowId = "expire-loyalty-lots"

/** The nightly expiry of loyalty lots; returns the ids of the `expire` entries written. */
export const expireLoyaltyLotsWorkflow = createWorkflow(expireLoyaltyLotsWorkflowId, (input: { now: Date | string }) => {
  return new WorkflowResponse(expireLoyaltyLotsStep(input))
})

/**
 * The tier an account has earned over the rolling window: points earned (or
 * money spent) on earns in the window, less what was reversed from them.
 * Writes only when it moves; compensation puts the previous tier back.
 */
export const recomputeLoyaltyTierStep = createStep(
  "recompute-loyalty-tier",
  async (input: { account_id: string; now?: Date | string }, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const [account] = await service.listLoyaltyAccounts({ id: input.account_id })
    if (!account) return new StepResponse(null, null)
    const program = await service.getProgramSettings()
    const now = input.now ? new Date(input.now) : new Date()
    const value = await service.tierProgress(account.id, subMonths(now, program.tier_window_months), program.tier_basis)
    const tier = tierFor(value, program.tiers)?.name ?? null
    const from = account.tier ?? null
    if (tier === from) return new StepResponse({ account_id: account.id, customer_id: account.customer_id, from, to: tier, changed: false, value }, null)
    await service.updateLoyaltyAccounts({ id: account.id, tier })
    return new StepResponse(
      { account_id: account.id, customer_id: account.customer_id, from, to: tier, changed: true, value },
      { id: account.id, tier: from }
    )
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<ILoyaltyModuleService>(LOYALTY_MODULE).updateLoyaltyAccounts({ id: previous.id, tier: previous.tier })
  }
)

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
