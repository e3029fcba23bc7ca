import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { retrieveCart } from "../../../lib/carts"
import { CART_LOYALTY_FIELDS, checkRedemption, loyaltyCreditLines, type LoyaltyCart } from "../../../lib/loyalty-redemption"
import type { CheckoutPlan } from "./load-checkout"

export type PointsToRedeem = {
  points: number
  amount: number
  account_id: string | null
}

export const validateCheckoutPointsStepId = "validate-checkout-points"

/**
 * Under the customer's points lock, before the order exists: the points on the
 * cart still fit the program (minimum, balance, share of the cart); 409 naming
 * the limits otherwise. The debit itself comes after the order is created.
 */
export const validateCheckoutPointsStep = createStep(
  validateCheckoutPointsStepId,
  async (plan: CheckoutPlan, { container }) => {
    if (!plan.points || plan.order_id) return new StepResponse<PointsToRedeem | null>(null)
    const cart = await retrieveCart<LoyaltyCart>(container, plan.cart_id, CART_LOYALTY_FIELDS)
    const { account_id } = await checkRedemption(container, cart, plan.points)
    const amount = loyaltyCreditLines(cart).reduce((s: number, c) => s + Number(c.amount), 0)
    return new StepResponse<PointsToRedeem | null>({ points: plan.points, amount, account_id })
  }
)
