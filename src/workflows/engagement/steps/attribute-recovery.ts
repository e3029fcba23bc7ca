import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AbandonedCartStatus } from "../../../modules/engagement/types"
import { engagementOf } from "../engagement-of"

export const attributeRecoveryStepId = "attribute-omnichannel-cart-recovery"

/**
 * An order placed after a reminder recovers the reminded carts of its
 * shopper (customer or email) that share one of its products: the cart
 * itself completed, or the same item bought elsewhere (the app, the till).
 */
export const attributeRecoveryStep = createStep(
  attributeRecoveryStepId,
  async (
    purchases: { order_id: string; customer_id: string | null; email: string | null; placed_at: Date | string; canceled: boolean; product_ids: string[] }[],
    { container }
  ) => {
    const engagement = engagementOf(container)
    const recovered: { id: string }[] = []
    for (const p of purchases) {
      if (p.canceled || (!p.customer_id && !p.email)) continue
      const placedAt = new Date(p.placed_at)
      const candidates = await engagement.remindedCartsOf(p)
      for (const c of candidates) {
        if (!c.last_reminded_at || new Date(c.last_reminded_at) >= placedAt) continue
        if (!(c.product_ids ?? []).some((id: string) => p.product_ids.includes(id))) continue
        await engagement.updateAbandonedCarts({
          id: c.id,
          status: AbandonedCartStatus.RECOVERED,
          recovered_at: placedAt,
          recovered_order_id: p.order_id,
        })
        recovered.push({ id: c.id })
      }
    }
    return new StepResponse(recovered, recovered.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await engagementOf(container).updateAbandonedCarts(
      ids.map((id) => ({ id, status: AbandonedCartStatus.REMINDED, recovered_at: null, recovered_order_id: null }))
    )
  }
)
