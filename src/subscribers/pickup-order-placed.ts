import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../modules/pickup"
import type PickupModuleService from "../modules/pickup/service"

/**
 * Medusa emits order.placed only once the completion workflow has succeeded,
 * so the pickup record exists: announce it as pickup.placed (the shopper's
 * notification, with the code, follows from pickup-notifications).
 */
export default async function pickupOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  const service: PickupModuleService = container.resolve(PICKUP_MODULE)
  const [pickup] = await service.listPickupOrders({ order_id: event.data.id }, { select: ["id"] })
  if (!pickup) return
  await container.resolve(Modules.EVENT_BUS).emit({ name: "pickup.placed", data: { id: pickup.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
