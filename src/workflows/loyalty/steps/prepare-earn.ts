import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_MODULE } from "../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../types/modules"
import { eligibleAmount } from "../../../lib/loyalty-math"

export const prepareEarnStepId = "prepare-loyalty-earn"

/**
 * What an order may earn on: a known customer (with an account), the program
 * on, the eligible total by the program's tax and shipping rules. Null when
 * the order earns nothing.
 */
export const prepareEarnStep = createStep(prepareEarnStepId, async (input: { order_id: string }, { container }) => {
  const service: ILoyaltyModuleService = container.resolve(LOYALTY_MODULE)
  const program = await service.getProgramSettings()
  if (!program.enabled) return new StepResponse(null)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "currency_code",
      "sales_channel_id",
      "customer_id",
      "customer.has_account",
      "total",
      "tax_total",
      "shipping_total",
      "shipping_subtotal",
    ],
    filters: { id: input.order_id },
  })
  if (!order || !order.customer_id || !order.customer?.has_account || order.status === "canceled") {
    return new StepResponse(null)
  }
  const currency = String(order.currency_code).toLowerCase()
  return new StepResponse({
    program,
    customer_id: order.customer_id as string,
    order_id: order.id as string,
    channel_id: (order.sales_channel_id as string) ?? null,
    currency_code: currency,
    amount: eligibleAmount(order, program).toNumber(),
    rate: program.earn_rates[currency] ?? 0,
  })
})
