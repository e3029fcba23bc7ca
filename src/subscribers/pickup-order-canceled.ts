import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService } from "../types/modules"
import { ACTIVE_PICKUP_STATUSES } from "../modules/pickup/types"
import { recordPickupOrderCanceledWorkflow } from "../workflows/pickup-desk/record-order-canceled"

/**
 * An order canceled in Medusa (admin order page, another plugin) cancels its
 * pickup. The desk's own cancel and the expiry job have already moved the
 * pickup on, so nothing happens for them.
 */
export default async function pickupOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const [pickup] = await service.listPickupOrders(
    { order_id: event.data.id, status: ACTIVE_PICKUP_STATUSES },
    { select: ["id"] }
  )
  if (!pickup) return
  await recordPickupOrderCanceledWorkflow(container).run({ input: { pickup_id: pickup.id }, throwOnError: false })
}

export const config: SubscriberConfig = { event: "order.canceled" }
