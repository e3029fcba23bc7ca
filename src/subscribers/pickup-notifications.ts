import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyPickupWorkflow } from "../workflows/notifications/notify-pickup"

/** Shopper-facing pickup events; each sends one notification (idempotency key per pickup and event). */
export const PICKUP_NOTIFIED_EVENTS = [
  "pickup.placed",
  "pickup.preparing",
  "pickup.ready",
  "pickup.expiring",
  "pickup.collected",
  "pickup.canceled",
  "pickup.expired",
]

export default async function pickupNotifications({ event, container }: SubscriberArgs<{ id: string }>) {
  await notifyPickupWorkflow(container).run({ input: { pickup_id: event.data.id, event: event.name } })
}

export const config: SubscriberConfig = { event: PICKUP_NOTIFIED_EVENTS }
