import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { LoyaltyEntryType } from "../modules/loyalty/types"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/earn-order-points"

/**
 * Any channel's order.placed: the customer earns (once per order, by key) and,
 * when the order was paid partly with points, loyalty.points_redeemed goes
 * out now that the order exists.
 */
export default async function loyaltyOrderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await earnOrderPointsWorkflow(container).run({ input: { order_id: event.data.id } })
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const redeemed = await service.listLoyaltyEntries({ order_id: event.data.id, type: LoyaltyEntryType.REDEEM })
  if (redeemed.length) {
    await container.resolve(Modules.EVENT_BUS).emit(
      redeemed.map((r) => ({
        name: "loyalty.points_redeemed",
        data: { id: r.id, account_id: r.account_id, order_id: r.order_id, points: -r.points },
      }))
    )
  }
}

export const config: SubscriberConfig = { event: "order.placed" }
