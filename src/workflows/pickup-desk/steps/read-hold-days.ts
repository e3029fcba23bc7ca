import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"

export const readHoldDaysStepId = "read-hold-days"

/** How long a ready order waits at its store: the store's hold_days, else the plugin's defaultHoldDays. A read: nothing to compensate. */
export const readHoldDaysStep = createStep(readHoldDaysStepId, async (input: { location_id: string }, { container }) => {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const [store] = await service.listPickupStores({ location_id: input.location_id }, { select: ["hold_days"] })
  return new StepResponse(service.holdDaysFor(store))
})
