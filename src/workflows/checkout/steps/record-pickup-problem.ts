import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"

export const recordPickupProblemStepId = "record-pickup-problem"

/**
 * A pickup the safety net could not put right (its store lacks the stock):
 * a `stock_problem` entry on its timeline, which the admin's and the desk's
 * pickup pages show, and a warning in the log naming the order and the store.
 */
export const recordPickupProblemStep = createStep(
  recordPickupProblemStepId,
  async (input: { pickup_id: string; order_id: string; problem: string }, { container }) => {
    const service = container.resolve<IPickupModuleService>(PICKUP_MODULE)
    const [activity] = await service.createPickupActivities([
      { pickup_id: input.pickup_id, action: "stock_problem", actor_type: "system", actor_id: null, data: { message: input.problem } },
    ])
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Pickup of order ${input.order_id} was completed outside the plugin and can't be reserved at its store: ${input.problem}`)
    return new StepResponse(activity.id, activity.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<IPickupModuleService>(PICKUP_MODULE).deletePickupActivities(id)
  }
)
