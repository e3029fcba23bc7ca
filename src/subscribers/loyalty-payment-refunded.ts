import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { BigNumberValue } from "@medusajs/framework/types"
import { reverseOrderPointsWorkflow } from "../workflows/loyalty/reverse-order-points"

/** The payment as the read below selects it. */
type PaymentRow = {
  id: string
  refunds?: { id: string; amount: BigNumberValue }[] | null
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * A refund (on its own or from a return) takes back its share of the order's
 * points: one reversal per refund (key `reverse:refund:<refund id>`), so a
 * re-delivered event changes nothing.
 */
export default async function loyaltyPaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: ["id", "refunds.id", "refunds.amount", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const payment = data[0] as PaymentRow | undefined
  const orderId = payment?.payment_collection?.order?.id
  if (!orderId) return
  for (const refund of payment?.refunds ?? []) {
    await reverseOrderPointsWorkflow(container).run({
      input: {
        order_id: orderId,
        idempotency_key: `reverse:refund:${refund.id}`,
        refunded_amount: Number(refund.amount),
        reason: "Refund",
      },
    })
  }
}

export const config: SubscriberConfig = { event: "payment.refunded" }
