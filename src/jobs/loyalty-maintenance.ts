import type { MedusaContainer } from "@medusajs/framework/types"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type { ILoyaltyModuleService } from "../types/modules"
import { expireLoyaltyLotsWorkflow, recomputeLoyaltyTierWorkflow } from "../workflows/loyalty/maintenance"

/**
 * Nightly: expire lots past their date, then recompute tiers (the rolling
 * window moves even when nobody buys). Pending points need no job: a point is
 * pending while now < available_at, so the balance turns it available at that
 * instant, exactly once.
 */
export default async function loyaltyMaintenanceJob(container: MedusaContainer) {
  const now = new Date()
  await expireLoyaltyLotsWorkflow(container).run({ input: { now } })
  const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  let offset = 0
  for (;;) {
    const accounts = await service.listLoyaltyAccounts({ status: "active" }, { select: ["id"], take: 500, skip: offset })
    for (const a of accounts) await recomputeLoyaltyTierWorkflow(container).run({ input: { account_id: a.id, now } })
    if (accounts.length < 500) break
    offset += 500
  }
}

export const config = { name: "omnichannel-loyalty-maintenance", schedule: "30 3 * * *" }
