import type { InferTypeOf } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IdleCart } from "../../../lib/idle-carts"
import type { AbandonedCart } from "../../../modules/engagement/models/abandoned-cart"
import { AbandonedCartStatus } from "../../../modules/engagement/types"
import { engagementOf } from "../engagement-of"

export type AbandonedCartRow = {
  id: string
  cart_id: string
  customer_id: string | null
  email: string
  status: AbandonedCartStatus
  reminders_sent: number
  last_reminded_at: Date | null
  last_activity_at: Date
  suppressed_reason: string | null
}

/** The record as it was before the step (null: the step created it). */
type AbandonedCartUndo = { id: string; previous: InferTypeOf<typeof AbandonedCart> | null }

export const upsertAbandonedCartStepId = "upsert-omnichannel-abandoned-cart"

/** The cart's record, created the first time it is seen idle and kept up to date with its last change. */
export const upsertAbandonedCartStep = createStep(
  upsertAbandonedCartStepId,
  async (cart: IdleCart, { container }) => {
    const engagement = engagementOf(container)
    const [existing] = await engagement.listAbandonedCarts({ cart_id: cart.id })
    const fields = {
      customer_id: cart.customer_id,
      email: cart.email!.toLowerCase(),
      sales_channel_id: cart.sales_channel_id,
      last_activity_at: new Date(cart.last_activity_at),
      product_ids: [...new Set(cart.items.map((i) => i.product_id).filter((p): p is string => !!p))],
    }
    if (existing) {
      const row = await engagement.updateAbandonedCarts({ id: existing.id, ...fields })
      return new StepResponse<AbandonedCartRow, AbandonedCartUndo>(row, { id: existing.id, previous: existing })
    }
    try {
      const row = await engagement.createAbandonedCarts({ cart_id: cart.id, ...fields })
      return new StepResponse<AbandonedCartRow, AbandonedCartUndo>(row, { id: row.id, previous: null })
    } catch (e) {
      // Seen by another run at the same moment (cart_id is unique).
      const [row] = await engagement.listAbandonedCarts({ cart_id: cart.id })
      if (!row) throw e
      return new StepResponse<AbandonedCartRow, AbandonedCartUndo>(row, { id: row.id, previous: row })
    }
  },
  async (undo, { container }) => {
    if (!undo) return
    const engagement = engagementOf(container)
    if (undo.previous) {
      const { id, customer_id, email, sales_channel_id, last_activity_at, product_ids } = undo.previous
      await engagement.updateAbandonedCarts({ id, customer_id, email, sales_channel_id, last_activity_at, product_ids })
    } else {
      await engagement.deleteAbandonedCarts(undo.id)
    }
  }
)
