import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { retrieveCart } from "../../../lib/carts"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import { findPickupShippingOptionId } from "../utils"

export const prepareRemoveCartPickupStepId = "prepare-remove-cart-pickup"

/** 404 / 409 checks, and the cart's shipping methods that are the chosen store's pickup option. */
export const prepareRemoveCartPickupStep = createStep(
  prepareRemoveCartPickupStepId,
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
