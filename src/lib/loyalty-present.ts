import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import QRCode from "qrcode"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type { ILoyaltyModuleService, LoyaltyEntryRow } from "../types/modules"
import { subMonths } from "date-fns"
import { nextTier, tierFor } from "./loyalty-math"
import type { LoyaltyEntryView, StoreCustomerLoyaltyResponse } from "../types/http"

/** An entry as the APIs show it: status derived from available_at. */
export function presentEntry(e: LoyaltyEntryRow, now = new Date()): LoyaltyEntryView {
  return {
    id: e.id,
    type: e.type,
    points: e.points,
    status: new Date(e.available_at).getTime() > now.getTime() ? "pending" : "available",
    available_at: e.available_at,
    expires_at: e.expires_at,
    channel_id: e.channel_id,
    order_id: e.order_id,
    reference: e.reference,
    metadata: e.metadata ?? null,
    created_at: e.created_at,
  }
}

/** Balance, tier, progress, member code (+ QR) and a page of the ledger, newest first. Reads only. */
export async function presentAccount(
  container: MedusaContainer,
  customerId: string,
  { limit, offset, qr, order_id }: { limit: number; offset: number; qr: boolean; order_id?: string }
): Promise<StoreCustomerLoyaltyResponse> {
  const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  // A read: the routes make sure the account exists (ensureLoyaltyAccountWorkflow).
  const [account] = await service.listLoyaltyAccounts({ customer_id: customerId })
  if (!account) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No loyalty account for customer ${customerId}`)
  const now = new Date()
  const program = await service.getProgramSettings()
  // A read: the tier shown is the one the window gives now; the stored tier
  // (which sets the earn multiplier) moves on each earn and nightly.
  const [balance, [entries, count], value] = await Promise.all([
    service.balance(account.id, now),
    service.listAndCountLoyaltyEntries({ account_id: account.id, ...(order_id ? { order_id } : {}) }, { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }),
    service.tierProgress(account.id, subMonths(now, program.tier_window_months), program.tier_basis),
  ])
  const progress = { tier: tierFor(value, program.tiers)?.name ?? null, value }
  return {
    loyalty: {
      account_id: account.id,
      member_code: account.member_code,
      ...(qr ? { member_qr: await QRCode.toDataURL(account.member_code, { margin: 1, width: 256 }) } : {}),
      status: account.status,
      available: balance.available,
      pending: balance.pending,
      tier: progress?.tier ?? null,
      tier_basis: program.tier_basis,
      tier_progress: progress?.value ?? 0,
      next_tier: nextTier(progress?.value ?? 0, program.tiers),
      // What a storefront needs to offer points at checkout before asking.
      redemption: {
        enabled: program.enabled,
        point_values: program.point_values,
        min_points: program.min_redeem_points,
        max_share: program.max_redeem_share,
      },
      entries: entries.map((e) => presentEntry(e, now)),
      count,
      limit,
      offset,
    },
  }
}
