import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"

// The read is shared with the nightly catch-up (lib/purchase-sync.ts), so it lives in src/lib.
import { readPurchases } from "../../../lib/read-purchases"
import type { IEngagementModuleService } from "../../../types/modules"
export { readPurchases }

export const recordPurchasesStepId = "record-omnichannel-purchases"

/**
 * Records orders in the engagement read model as they stand now. The
 * compensation puts back the rows as they were, and removes those it added.
 */
export const recordPurchasesStep = createStep(
  recordPurchasesStepId,
  async (input: { order_ids: string[] }, { container }) => {
    const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
    const { purchases } = await readPurchases(container, { id: input.order_ids })
    // the rows as they were come back from the upsert itself (for the compensation, and a moved order's former customer)
    const before = await engagement.upsertPurchases(purchases)
    const customerIds = [
      ...new Set(
        [...purchases.map((p) => p.customer_id), ...before.map((b) => b.customer_id)].filter((c): c is string => !!c)
      ),
    ]
    return new StepResponse(
      {
        customer_ids: customerIds,
        purchases: purchases.map((p) => ({
          order_id: p.order_id,
          customer_id: p.customer_id,
          email: p.email,
          placed_at: p.placed_at,
          canceled: !!p.canceled_at,
          product_ids: p.product_ids,
        })),
      },
      { before, order_ids: input.order_ids }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
    const existed = new Set(undo.before.map((b) => b.order_id))
    const added = undo.order_ids.filter((id) => !existed.has(id))
    if (added.length) {
      const rows = await engagement.listPurchases({ order_id: added }, { select: ["id"], take: null })
      if (rows.length) await engagement.deletePurchases(rows.map((r) => r.id))
    }
    if (undo.before.length) {
      await engagement.upsertPurchases(
        undo.before.map((b) => ({
          order_id: b.order_id,
          customer_id: b.customer_id,
          email: b.email,
          sales_channel_id: b.sales_channel_id,
          currency_code: b.currency_code,
          total: b.total,
          placed_at: b.placed_at,
          canceled_at: b.canceled_at,
          product_ids: b.product_ids ?? [],
          order_updated_at: b.order_updated_at,
          mode: b.mode,
        }))
      )
    }
  }
)
