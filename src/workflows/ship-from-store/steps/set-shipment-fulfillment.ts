import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"

export const setShipmentFulfillmentStepId = "set-shipment-fulfillment"

/** Keeps the id of the Medusa fulfillment a shipment created; compensation clears it. */
export const setShipmentFulfillmentStep = createStep(
  setShipmentFulfillmentStepId,
  async (input: { shipment_id: string; fulfillment_id: string }, { container }) => {
    await container.resolve<IRoutingModuleService>(ROUTING_MODULE).updateOrderShipments({ id: input.shipment_id, fulfillment_id: input.fulfillment_id })
    return new StepResponse(undefined, input.shipment_id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<IRoutingModuleService>(ROUTING_MODULE).updateOrderShipments({ id, fulfillment_id: null })
  }
)
