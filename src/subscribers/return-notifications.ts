import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyReturnWorkflow } from "../workflows/notifications/notify-return"
import type { ReturnNotificationInput } from "../workflows/notifications/steps/build-return-notification"

/** A shop took lines back (the desk's return): the shopper is told what, where and the refund. */
export default async function returnNotifications({ event, container }: SubscriberArgs<ReturnNotificationInput>) {
  await notifyReturnWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = { event: "store_return.received" }
