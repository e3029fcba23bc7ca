import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { tillReceipt } from "../../../lib/till-receipt"
import { omnichannelOptions } from "../../../lib/plugin-options"

export const buildReceiptNotificationStepId = "build-receipt-notification"

/**
 * The till's receipt by email (a member's account email, or the one a walk-in
 * gave): order number, lines with VAT, the VAT, the total, how it was paid
 * and the points. One per sale (idempotency key); none without an email.
 */
export const buildReceiptNotificationStep = createStep(buildReceiptNotificationStepId, async (input: { order_id: string }, { container }) => {
  const receipt = await tillReceipt(container, input.order_id)
  const email = receipt.order.email as string | null
  if (!email) return new StepResponse([] as CreateNotificationDTO[])
  return new StepResponse<CreateNotificationDTO[]>([
    {
      to: email,
      channel: omnichannelOptions(container).notificationChannel,
      template: "order.receipt",
      trigger_type: "order.receipt",
      resource_type: "order",
      resource_id: input.order_id,
      idempotency_key: `order.receipt:${input.order_id}`,
      data: JSON.parse(JSON.stringify(receipt)),
    },
  ])
})
