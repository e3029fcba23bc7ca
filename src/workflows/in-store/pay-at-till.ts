import { authorizePaymentSessionStep, capturePaymentWorkflow, createPaymentSessionsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { TillPaymentData } from "../../providers/till-payment/service"

export type PayAtTillInput = {
  payment_collection_id: string
  /** the till provider (pp_till_till) when the app registers it, else Medusa's system provider */
  provider_id: string
  amount: number
  payment: TillPaymentData
  staff_id: string
}

export const payAtTillWorkflowId = "pay-at-till"

/**
 * Money taken at the counter, through Medusa's Payment Module as its own
 * "mark as paid" does (session → authorized → captured), but with the
 * method and the card terminal's reference kept on the payment.
 */
export const payAtTillWorkflow = createWorkflow(payAtTillWorkflowId, (input: PayAtTillInput) => {
  const session = createPaymentSessionsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      payment_collection_id: input.payment_collection_id,
      provider_id: input.provider_id,
      data: { ...input.payment },
      context: {},
    })),
  })
  const payment = authorizePaymentSessionStep(transform({ session }, ({ session }) => ({ id: session.id, context: {} })))
  capturePaymentWorkflow.runAsStep({
    input: transform({ input, payment }, ({ input, payment }) => ({
      payment_id: payment!.id,
      captured_by: input.staff_id,
      amount: input.amount,
    })),
  })
  return new WorkflowResponse(payment)
})
