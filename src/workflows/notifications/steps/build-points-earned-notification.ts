import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"
import { omnichannelOptions } from "../../../lib/plugin-options"

export type PointsEarnedNotificationInput = { entry_id: string; account_id: string }

export const buildPointsEarnedNotificationStepId = "build-points-earned-notification"

/**
 * What the customer is told after earning: the points, when they can be
 * spent, the balance and tier. Nothing for a zero earn or a customer without
 * an email; one notification per ledger entry (idempotency key).
 */
export const buildPointsEarnedNotificationStep = createStep(
  buildPointsEarnedNotificationStepId,
  async (input: PointsEarnedNotificationInput, { container }) => {
    const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
    const [[entry], [account]] = await Promise.all([
      service.listLoyaltyEntries({ id: input.entry_id }),
      service.listLoyaltyAccounts({ id: input.account_id }),
    ])
    if (!entry?.points || !account) return new StepResponse([] as CreateNotificationDTO[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [customer] } = await query.graph({
      entity: "customer",
      fields: ["email", "first_name"],
      filters: { id: account.customer_id },
    })
    if (!customer?.email) return new StepResponse([] as CreateNotificationDTO[])
    const notification: CreateNotificationDTO = {
      to: customer.email,
      channel: omnichannelOptions(container).notificationChannel,
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
    }
    return new StepResponse([notification])
  }
)
