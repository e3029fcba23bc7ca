import type { MedusaContainer } from "@medusajs/framework/types"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type { IEngagementModuleService } from "../types/modules"
import { readPurchases } from "./read-purchases"

const PAGE = 1000

/**
 * Catches the engagement read model up with Medusa's orders: every order
 * changed since the latest change recorded (all of them the first time: the
 * backfill when the plugin is added to a shop with history), up to the
 * moment the catch-up started, in pages. Idempotent: an order read twice is
 * written the same.
 */
export async function syncPurchases(container: MedusaContainer): Promise<{ orders: number }> {
  const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const from = (await engagement.purchasesWatermark()) ?? new Date(0)
  const until = new Date()
  let seen = 0
  for (let skip = 0; ; skip += PAGE) {
    const { purchases, count } = await readPurchases(
      container,
      { updated_at: { $gte: from, $lte: until } },
      { skip, take: PAGE }
    )
    await engagement.upsertPurchases(purchases)
    seen += purchases.length
    if (skip + PAGE >= count) break
  }
  return { orders: seen }
}
