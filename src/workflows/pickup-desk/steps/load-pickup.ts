import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"

export const PICKUP_ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "email",
  "currency_code",
  "total",
  "items.id",
  "items.title",
  "items.variant_title",
  "items.variant_sku",
  "items.quantity",
  "items.total",
  "payment_collections.id",
  "payment_collections.payments.id",
  "payment_collections.payments.amount",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.amount",
  "fulfillments.id",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
]

export const loadPickupStepId = "load-pickup"

/** The pickup record and its Medusa order (items, payments, fulfillments). */
export const loadPickupStep = createStep(loadPickupStepId, async (input: { pickup_id: string }, { container }) => {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const [pickup] = await service.listPickupOrders({ id: input.pickup_id })
  if (!pickup) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pickup with id: ${input.pickup_id} was not found`)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: PICKUP_ORDER_FIELDS,
    filters: { id: pickup.order_id },
  })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${pickup.order_id} of pickup ${pickup.id} was not found`)
  }
  return new StepResponse({ pickup: pickup as any, order: order as any })
})
