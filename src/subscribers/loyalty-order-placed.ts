import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/earn-order-points"

/**
 * Any channel's order.placed: the customer earns (once per order, by key).
 * Points paid at checkout are debited, and loyalty.points_redeemed emitted,
 * by completeOmnichannelCartWorkflow.
 */
export default async function loyaltyOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await earnOrderPointsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
