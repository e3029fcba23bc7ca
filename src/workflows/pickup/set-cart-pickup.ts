import { addShippingMethodToCartWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { upsertPickupSelectionStep } from "./steps/upsert-pickup-selection"
import { SetCartPickupInput, validateCartPickupStep } from "./steps/validate-cart-pickup"

export const setCartPickupWorkflowId = "set-cart-pickup"

/**
 * The shopper chooses a store (and optionally a slot and who collects):
 * validate → put the store's pickup shipping method on the cart (Medusa's own
 * workflow, which replaces a delivery method) → record the choice.
 */
export const setCartPickupWorkflow = createWorkflow(setCartPickupWorkflowId, (input: SetCartPickupInput) => {
  const validated = validateCartPickupStep(input)

  addShippingMethodToCartWorkflow.runAsStep({
    input: transform({ validated }, ({ validated }) => ({
      cart_id: validated.cart_id,
      options: [{ id: validated.shipping_option_id }],
    })),
  })

  const selection = upsertPickupSelectionStep(
    transform({ validated }, ({ validated }) => ({
      cart_id: validated.cart_id,
      location_id: validated.location_id,
      shipping_option_id: validated.shipping_option_id,
      slot_start: validated.slot_start,
      slot_end: validated.slot_end,
      pickup_person: validated.pickup_person as Record<string, unknown> | null,
    }))
  )
  return new WorkflowResponse(selection)
})
