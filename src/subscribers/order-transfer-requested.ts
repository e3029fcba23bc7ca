import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyOrderTransferWorkflow } from "../workflows/notifications/notify-order-transfer"

/** Medusa's order transfer was requested: the order's address gets the accept link (option orderTransfers.notify). */
export default async function orderTransferRequested({ event, container }: SubscriberArgs<{ id: string; order_change_id: string }>) {
  await notifyOrderTransferWorkflow(container).run({ input: { order_id: event.data.id, order_change_id: event.data.order_change_id } })
}

export const config: SubscriberConfig = { event: "order.transfer_requested" }
