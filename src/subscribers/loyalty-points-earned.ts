import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recomputeLoyaltyTierWorkflow } from "../workflows/loyalty/maintenance"
import { notifyPointsEarnedWorkflow } from "../workflows/notifications/notify-points-earned"

/** After an earn: the tier may move, then the customer hears how many points are on the way. */
export default async function loyaltyPointsEarned({
  event,
  container,
}: SubscriberArgs<{ id: string; account_id: string; order_id: string; points: number }>) {
  await recomputeLoyaltyTierWorkflow(container).run({ input: { account_id: event.data.account_id } })
  if (!event.data.points) return
  await notifyPointsEarnedWorkflow(container).run({ input: { entry_id: event.data.id, account_id: event.data.account_id } })
}

export const config: SubscriberConfig = { event: "loyalty.points_earned" }
