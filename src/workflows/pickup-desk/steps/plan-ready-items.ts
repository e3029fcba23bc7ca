import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { PickupStatus, type RejectedItem } from "../../../modules/pickup/types"
import type { DeskPickup, PickupDeskOrder } from "./load-pickup"

export type ReadyItemInput = {
  line_item_id: string
  quantity: number
  rejected_quantity?: number
  reason?: string
}

export const READY_FROM = [PickupStatus.PLACED, PickupStatus.PREPARING]

/**
 * What goes into the fulfillment and what is rejected. Without `items`, the
 * whole order is ready. A listed line is split into `quantity` ready and
 * `rejected_quantity` rejected (default: the rest of the line), which must add
 * up to what was ordered; lines not listed are ready in full.
 */
export function planReadyItems(order: Pick<PickupDeskOrder, "items">, items?: ReadyItemInput[] | null) {
  const lines = (order.items ?? []).flatMap((l) => (l ? [l] : []))
  const listed = new Map<string, ReadyItemInput>()
  ;(items ?? []).forEach((item, i) => {
    const line = lines.find((l) => l.id === item.line_item_id)
    if (!line) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `items[${i}].line_item_id: ${item.line_item_id} is not an item of this order`)
    }
    if (listed.has(item.line_item_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `items[${i}].line_item_id: ${item.line_item_id} is listed twice`)
    }
    const ordered = Number(line.quantity)
    const rejected = item.rejected_quantity ?? ordered - item.quantity
    if (item.quantity > ordered || rejected < 0 || item.quantity + rejected !== ordered) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `items[${i}].quantity: ready (${item.quantity}) and rejected (${rejected}) must add up to the ${ordered} ordered`
      )
    }
    if (rejected > 0 && !item.reason?.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `items[${i}].reason: say why ${rejected} of ${line.title} cannot be handed over`)
    }
    listed.set(item.line_item_id, { ...item, rejected_quantity: rejected })
  })

  const fulfil: { id: string; quantity: number }[] = []
  const rejected: RejectedItem[] = []
  for (const line of lines) {
    const item = listed.get(line.id)
    const ready = item ? item.quantity : Number(line.quantity)
    if (ready > 0) fulfil.push({ id: line.id, quantity: ready })
    if (item && item.rejected_quantity! > 0) {
      rejected.push({
        line_item_id: line.id,
        title: line.title,
        sku: line.variant_sku ?? null,
        quantity: item.rejected_quantity!,
        reason: item.reason!.trim(),
      })
    }
  }
  if (!fulfil.length) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "Nothing would be ready: every item is rejected. Cancel the pickup instead, with the reason."
    )
  }
  return { fulfil, rejected }
}

export const planReadyItemsStepId = "plan-ready-items"

export const planReadyItemsStep = createStep(
  planReadyItemsStepId,
  async (input: { pickup: DeskPickup; order: PickupDeskOrder; items?: ReadyItemInput[] | null }) => {
    if (!READY_FROM.includes(input.pickup.status)) {
      // Checked again under the row lock by transitionPickupStep.
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Cannot mark pickup ${input.pickup.id} ready: its status is ${input.pickup.status} (allowed from ${READY_FROM.join(", ")})`
      )
    }
    return new StepResponse(planReadyItems(input.order, input.items))
  }
)
