import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"

export const setPickupFulfillmentStepId = "set-pickup-fulfillment"

/** Remembers the Medusa fulfillment made for the pickup (hand-over marks it delivered). */
export const setPickupFulfillmentStep = createStep(
  setPickupFulfillmentStepId,
  async (input: { pickup_id: string; fulfillment_id: string }, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const [before] = await service.listPickupOrders({ id: input.pickup_id }, { select: ["id", "fulfillment_id"] })
    await service.updatePickupOrders({ id: input.pickup_id, fulfillment_id: input.fulfillment_id })
    return new StepResponse(input.fulfillment_id, { id: input.pickup_id, fulfillment_id: before?.fulfillment_id ?? null })
  },
  async (previous, { container }) => {
    if (!previous) return
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    await service.updatePickupOrders(previous)
  }
)
