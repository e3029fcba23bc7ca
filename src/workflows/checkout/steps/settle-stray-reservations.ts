import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { replaceReservations, undoReplacement, type Moved } from "./place-reservations"
import type { StrayPickup } from "./load-stray-pickup"

export const settleStrayReservationsStepId = "settle-stray-reservations"

/**
 * A stray pickup's reservations moved to its store exactly as a checkout
 * places them (replaced, not moved; the store's safety stock re-checked).
 * When the store lacks the stock, nothing moves: the order keeps Medusa's
 * reservations and the problem is returned, to be put where the merchant sees
 * it, instead of failing the safety net (the order exists either way).
 */
export const settleStrayReservationsStep = createStep(
  settleStrayReservationsStepId,
  async (stray: StrayPickup, { container }) => {
    if (!stray.misplaced) return new StepResponse<{ problem: string | null }, Moved | null>({ problem: null }, null)
    try {
      const moved = await replaceReservations(container, {
        placements: stray.order.items.map((i) => ({ line_item_id: i.id, location_id: stray.pickup.location_id })),
        floors: [{ location_id: stray.pickup.location_id, name: stray.pickup.store_name, safety_stock: stray.pickup.store.safety_stock }],
      })
      return new StepResponse<{ problem: string | null }, Moved | null>({ problem: null }, moved)
    } catch (e) {
      const err = e as { type?: string; message?: string }
      if (err?.type !== MedusaError.Types.CONFLICT) throw e
      return new StepResponse<{ problem: string | null }, Moved | null>({ problem: err.message ?? "Not enough stock at the store" }, null)
    }
  },
  async (moved, { container }) => {
    if (moved) await undoReplacement(container, moved)
  }
)
