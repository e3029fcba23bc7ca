import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkRedemption, loyaltyCreditLines, retrieveCustomerCart } from "../../../lib/loyalty-redemption"

export const validateCartPointsStepId = "validate-cart-points"

/** The shopper's cart, the points checked against the program's rules, and its loyalty credit lines to replace. */
export const validateCartPointsStep = createStep(
  validateCartPointsStepId,
  async (input: { cart_id: string; customer_id: string; points: number }, { container }) => {
    const cart = await retrieveCustomerCart(container, input.cart_id, input.customer_id)
    const check = await checkRedemption(container, cart, input.points)
    return new StepResponse({
      ...check,
      currency_code: cart.currency_code as string,
      existing: loyaltyCreditLines<{ id: string; reference?: string | null }>(cart).map((c) => c.id),
    })
  }
)
