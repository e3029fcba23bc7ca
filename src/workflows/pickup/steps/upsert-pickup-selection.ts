import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"

type SelectionRow = Awaited<ReturnType<IPickupModuleService["listPickupSelections"]>>[number]
type Undo = { previous?: SelectionRow; created_id?: string }

type SelectionData = {
  cart_id: string
  location_id: string
  shipping_option_id?: string
  slot_start: Date | null
  slot_end: Date | null
  pickup_person: Record<string, unknown> | null
}

export const upsertPickupSelectionStepId = "upsert-pickup-selection"

/** Records (or replaces) a cart's pickup choice; compensation restores the previous one. */
export const upsertPickupSelectionStep = createStep(
  upsertPickupSelectionStepId,
  async (input: SelectionData, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const [existing] = await service.listPickupSelections({ cart_id: input.cart_id })
    const data = {
      cart_id: input.cart_id,
      location_id: input.location_id,
      shipping_option_id: input.shipping_option_id ?? null,
      slot_start: input.slot_start,
      slot_end: input.slot_end,
      pickup_person: input.pickup_person,
    }
    if (existing) {
      const updated = await service.updatePickupSelections({ id: existing.id, ...data })
      return new StepResponse<typeof updated, Undo>(updated, { previous: existing })
    }
    const created = await service.createPickupSelections(data)
    return new StepResponse<typeof created, Undo>(created, { created_id: created.id })
  },
  async (compensation: Undo | undefined, { container }) => {
    if (!compensation) return
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    if (compensation.created_id) {
      await service.deletePickupSelections(compensation.created_id)
      return
    }
    if (!compensation.previous) return
    const { created_at, updated_at, deleted_at, ...previous } = compensation.previous
    await service.updatePickupSelections(previous)
  }
)
