import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { recomputeLoyaltyTierWorkflow } from "../workflows/loyalty/maintenance"
import { LOYALTY_MODULE } from "../modules/loyalty"
import type LoyaltyModuleService from "../modules/loyalty/service"
import { PICKUP_MODULE } from "../modules/pickup"
import type PickupModuleService from "../modules/pickup/service"

/** After an earn: the tier may move, and the customer hears how many points are on the way. */
export default async function loyaltyPointsEarned({
  event,
  container,
}: SubscriberArgs<{ id: string; account_id: string; order_id: string; points: number }>) {
  await recomputeLoyaltyTierWorkflow(container).run({ input: { account_id: event.data.account_id } })
  if (!event.data.points) return
  const service: LoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const [entry] = await service.listLoyaltyEntries({ id: event.data.id })
  const [account] = await service.listLoyaltyAccounts({ id: event.data.account_id })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["email", "first_name"], filters: { id: account.customer_id } })
  if (!customer?.email) return
  await container.resolve(Modules.NOTIFICATION).createNotifications({
    to: customer.email,
    channel: container.resolve<PickupModuleService>(PICKUP_MODULE).options.notificationChannel,
    template: "loyalty.points_earned",
    trigger_type: "loyalty.points_earned",
    resource_id: entry.id,
    resource_type: "loyalty_entry",
    idempotency_key: `loyalty.points_earned:${entry.id}`,
    data: {
      first_name: customer.first_name,
      points: entry.points,
      available_at: entry.available_at,
      balance: await service.balance(account.id),
      tier: account.tier,
    },
  })
}

export const config: SubscriberConfig = { event: "loyalty.points_earned" }
