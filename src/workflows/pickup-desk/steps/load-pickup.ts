import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { BigNumberValue } from "@medusajs/framework/types"
import type { RejectedItem } from "../../../modules/pickup/types"
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

type Maybe<T> = T | null
/** The order as PICKUP_ORDER_FIELDS read it. */
export type PickupDeskOrder = {
  id: string
  display_id: number
  status: string
  email: string | null
  currency_code: string
  total: BigNumberValue
  items: Maybe<Maybe<{ id: string; title: string; variant_title: string | null; variant_sku: string | null; quantity: BigNumberValue; total: BigNumberValue }>[]>
  payment_collections: Maybe<
    Maybe<{
      id: string
      payments?: Maybe<Maybe<{ id: string; amount: BigNumberValue; captured_at?: Date | string | null; canceled_at?: Date | string | null; captures?: Maybe<Maybe<{ amount: BigNumberValue }>[]> }>[]>
    }>[]
  >
  fulfillments: Maybe<Maybe<{ id: string; delivered_at: Date | string | null; canceled_at: Date | string | null }>[]>
}
type PickupRow = Awaited<ReturnType<IPickupModuleService["listPickupOrders"]>>[number]
/** The pickup row, its JSON column in the shape the desk writes it (planReadyItems). */
export type DeskPickup = Omit<PickupRow, "rejected_items"> & { rejected_items: RejectedItem[] | null }

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
  // `unknown`: the generated query types call display_id a String; Medusa stores an integer (OrderDTO: number).
  return new StepResponse({ pickup: pickup as DeskPickup, order: order as unknown as PickupDeskOrder })
})
