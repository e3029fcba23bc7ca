import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PICKUP_MODULE } from "../modules/pickup"
import type PickupModuleService from "../modules/pickup/service"
import { notifyPickupWorkflow } from "../workflows/notifications/notify-pickup"

/**
 * Medusa emits order.placed only once the completion workflow has succeeded,
 * so the pickup record exists: announce it (event + notification with the code).
 */
export default async function pickupOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const service: PickupModuleService = container.resolve(PICKUP_MODULE)
  const [pickup] = await service.listPickupOrders({ order_id: event.data.id })
  if (!pickup) return
  await notifyPickupWorkflow(container).run({ input: { pickup_id: pickup.id, event: "pickup.placed" } })
}

export const config: SubscriberConfig = { event: "order.placed" }
