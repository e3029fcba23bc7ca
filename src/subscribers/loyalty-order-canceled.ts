import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseOrderPointsWorkflow } from "../workflows/loyalty/reverse-order-points"

/** A canceled order's points come back out, and the points it was paid with are returned. */
export default async function loyaltyOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await reverseOrderPointsWorkflow(container).run({
    input: {
      order_id: event.data.id,
      idempotency_key: `reverse:cancel:${event.data.id}`,
      reason: "Order canceled",
      restore_redeemed: true,
    },
  })
}

export const config: SubscriberConfig = { event: "order.canceled" }
