import {
  acquireLockStep,
  createCartCreditLinesWorkflow,
  releaseLockStep,
  deleteCartCreditLinesWorkflow,
  refreshPaymentCollectionForCartWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_CREDIT_REFERENCE } from "../../lib/loyalty-redemption"
import { findCartPointsStep } from "./steps/find-cart-points"
import { validateCartPointsStep } from "./steps/validate-cart-points"

export const applyCartPointsWorkflowId = "apply-cart-loyalty-points"

/**
 * Points pay part of a cart through Medusa's own cart credit lines (reference
 * "loyalty"), so cart and order totals and the payment amount are right. The
 * points are only debited when the order is placed (completeOmnichannelCartWorkflow).
 * One loyalty credit line per cart: a new amount replaces the old one, under
 * Medusa's cart lock, so calls at the same moment leave one line, not several.
 */
export const applyCartPointsWorkflow = createWorkflow(
  applyCartPointsWorkflowId,
  (input: { cart_id: string; customer_id: string; points: number }) => {
    acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 60 })
    const check = validateCartPointsStep(input)
    when({ check }, ({ check }) => check.existing.length > 0).then(() => {
      deleteCartCreditLinesWorkflow.runAsStep({ input: transform({ check }, ({ check }) => ({ id: check.existing })) })
    })
    createCartCreditLinesWorkflow.runAsStep({
      input: transform({ input, check }, ({ input, check }) => [
        {
          cart_id: input.cart_id,
          amount: check.amount,
          reference: LOYALTY_CREDIT_REFERENCE,
          reference_id: check.account_id!,
          metadata: { points: input.points },
        },
      ]),
    })
    refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(check)
  }
)

export const removeCartPointsWorkflowId = "remove-cart-loyalty-points"

export const removeCartPointsWorkflow = createWorkflow(
  removeCartPointsWorkflowId,
  (input: { cart_id: string; customer_id: string }) => {
    acquireLockStep({ key: input.cart_id, timeout: 30, ttl: 60 })
    const ids = findCartPointsStep(input)
    when({ ids }, ({ ids }) => ids.length > 0).then(() => {
      deleteCartCreditLinesWorkflow.runAsStep({ input: transform({ ids }, ({ ids }) => ({ id: ids })) })
      refreshPaymentCollectionForCartWorkflow.runAsStep({ input: { cart_id: input.cart_id } })
    })
    releaseLockStep({ key: input.cart_id })
    return new WorkflowResponse(ids)
  }
)
