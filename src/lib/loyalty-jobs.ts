import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { subMonths } from "date-fns"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { LoyaltyEntryType } from "../modules/loyalty/types"
import { remainingByLot, tierFor } from "./loyalty-math"

/**
 * The tier an account has earned over the rolling window: points earned (or
 * money spent) on earns in the window, less what was reversed from them.
 * Updates the account and emits loyalty.tier_changed when it moves.
 */
export async function recomputeTier(container: MedusaContainer, accountId: string, now = new Date()) {
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const program = await service.getProgramSettings()
  const [account] = await service.listLoyaltyAccounts({ id: accountId })
  if (!account) return null
  const value = await service.tierProgress(accountId, subMonths(now, program.tier_window_months), program.tier_basis)
  const tier = tierFor(value, program.tiers)?.name ?? null
  if (tier !== (account.tier ?? null)) {
    await service.updateLoyaltyAccounts({ id: accountId, tier })
    await container.resolve(Modules.EVENT_BUS).emit({
      name: "loyalty.tier_changed",
      data: { account_id: accountId, customer_id: account.customer_id, from: account.tier ?? null, to: tier },
    })
  }
  return { tier, value }
}

/**
 * Lots past their expires_at lose what is left of them (oldest lots are spent
 * first, see remainingByLot): one `expire` entry per lot, key `expire:<lot>`,
 * under the account lock. Running it again, or on two instances at once,
 * adds nothing.
 */
export async function expireLots(container: MedusaContainer, now = new Date()) {
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const manager = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const due = await manager.raw(
    `select e.account_id, e.id from loyalty_entry e
      where e.type = 'earn' and e.expires_at <= ? and e.deleted_at is null
        and not exists (select 1 from loyalty_entry x where x.idempotency_key = 'expire:' || e.id)
      order by e.account_id, e.expires_at
      limit 5000`,
    [now]
  )
  const byAccount = new Map<string, string[]>()
  for (const r of due.rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r.id])
  const expired: string[] = []
  for (const [accountId, lotIds] of byAccount) {
    for (const lotId of lotIds) {
      const { entry, created } = await service.appendEntry({
        account_id: accountId,
        type: LoyaltyEntryType.EXPIRE,
        idempotency_key: `expire:${lotId}`,
        reference: lotId,
        points: async ({ ledger }) => {
          const left = remainingByLot((await ledger()) as any).get(lotId)?.remaining ?? 0
          return { points: -Math.max(0, left), metadata: { lot: lotId } }
        },
      })
      if (created) expired.push(entry.id)
    }
  }
  return expired
}
