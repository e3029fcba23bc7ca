import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { subMonths } from "date-fns"
import { tierFor } from "../../../lib/loyalty-math"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"

// The same string as recomputeLoyaltyTierWorkflowId: both ids are persisted, neither changes.
export const recomputeLoyaltyTierStepId = "recompute-loyalty-tier"

/**
 * The tier an account has earned over the rolling window: points earned (or
 * money spent) on earns in the window, less what was reversed from them.
 * Writes only when it moves; compensation puts the previous tier back.
 */
export const recomputeLoyaltyTierStep = createStep(
  recomputeLoyaltyTierStepId,
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
