import { removeShippingMethodFromCartStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { retrieveCart } from "../../lib/carts"
import { PICKUP_MODULE } from "../../modules/pickup"
import type { IPickupModuleService } from "../../types/modules"
import { findPickupShippingOptionId } from "./utils"
import { deletePickupSelectionStep } from "./steps/upsert-pickup-selection"

export const removeCartPickupWorkflowId = "remove-cart-pickup"

/** 404 / 409 checks, and the cart's shipping methods that are the chosen store's pickup option. */
const prepareRemoveCartPickupStep = createStep(
  "prepare-remove-cart-pickup",
  async (input: { cart_id: string }, { container }) => {
    const cart = await retrieveCart(
      container,
      input.cart_id,
      ["id", "shipping_methods.id", "shipping_methods.shipping_option_id"],
      { open: true }
    )
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const [selection] = await service.listPickupSelections({ cart_id: cart.id })
    if (!selection) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cart.id} has no pickup selected`)
    }
    const optionId = await findPickupShippingOptionId(container, selection.location_id)
    const methodIds = (cart.shipping_methods ?? [])
      .filter((m) => m?.shipping_option_id === optionId)
      .map((m) => m.id)
    return new StepResponse({ shipping_method_ids: methodIds })
  }
)

/** Drops the pickup choice and its shipping method; the shopper picks delivery or another store next. */
export const removeCartPickupWorkflow = createWorkflow(removeCartPickupWorkflowId, (input: { cart_id: string }) => {
  const prepared = prepareRemoveCartPickupStep(input)
  removeShippingMethodFromCartStep(prepared)
  deletePickupSelectionStep(input)
  return new WorkflowResponse(prepared)
})
