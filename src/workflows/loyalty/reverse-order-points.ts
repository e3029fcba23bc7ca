import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { restoreRedeemedPointsStep } from "./steps/restore-redeemed-points"
import { reverseEarnStep, type ReverseEarnInput } from "./steps/reverse-earn"

export const reverseOrderPointsWorkflowId = "reverse-order-points"

/**
 * Cancellation (all the order's points back out, redeemed points returned)
 * or refund (the refunded share of the earn). Idempotent by key.
 */
export const reverseOrderPointsWorkflow = createWorkflow(
  reverseOrderPointsWorkflowId,
  (input: ReverseEarnInput & { restore_redeemed?: boolean }) => {
    const reversed = reverseEarnStep(input)
    when({ input }, ({ input }) => !!input.restore_redeemed).then(() => {
      restoreRedeemedPointsStep({ order_id: input.order_id })
    })
    emitEventStep({
      eventName: "loyalty.points_reversed",
      data: transform({ input, reversed }, ({ input, reversed }) => ({
        order_id: input.order_id,
        id: reversed?.id ?? null,
        points: reversed?.points ?? 0,
      })),
    })
    return new WorkflowResponse(reversed)
  }
)
