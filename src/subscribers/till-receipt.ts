import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyReceiptWorkflow } from "../workflows/notifications/notify-receipt"

/** A till sale with an email gets its receipt by email. */
export default async function tillReceiptEmail({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyReceiptWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "till_sale.completed" }
