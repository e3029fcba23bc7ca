import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loyaltyCreditLines, retrieveCustomerCart } from "../../../lib/loyalty-redemption"

export const findCartPointsStepId = "find-cart-points"

/** The ids of the shopper's cart's loyalty credit lines. A read. */
export const findCartPointsStep = createStep(
  findCartPointsStepId,
  async (input: { cart_id: string; customer_id: string }, { container }) => {
    const cart = await retrieveCustomerCart(container, input.cart_id, input.customer_id)
    return new StepResponse(loyaltyCreditLines<{ id: string; reference?: string | null }>(cart).map((c) => c.id))
  }
)
