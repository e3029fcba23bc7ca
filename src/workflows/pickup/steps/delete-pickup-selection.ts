import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"

export const deletePickupSelectionStepId = "delete-pickup-selection"

/** Removes a cart's pickup choice; compensation puts it back. */
export const deletePickupSelectionStep = createStep(
  deletePickupSelectionStepId,
  async (input: { cart_id: string }, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const [existing] = await service.listPickupSelections({ cart_id: input.cart_id })
    if (!existing) {
      return new StepResponse(null, null)
    }
    await service.deletePickupSelections(existing.id)
    return new StepResponse(existing, existing)
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const { id, created_at, updated_at, deleted_at, ...data } = previous
    await service.createPickupSelections(data)
  }
)
