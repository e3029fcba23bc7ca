import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { omnichannelOptions } from "../../../lib/plugin-options"

export type ReturnNotificationInput = { order_id: string; return_id: string; location_id: string; refunded_amount: number }

type ReturnRow = {
  id: string
  items: ({ item_id: string; quantity: unknown; received_quantity: unknown; damaged_quantity: unknown } | null)[] | null
}

export const buildReturnNotificationStepId = "build-return-notification"

/**
 * What the shopper is told after a shop took lines back: which, where, and
 * the refund Medusa made. One notification per return (idempotency key).
 */
export const buildReturnNotificationStep = createStep(buildReturnNotificationStepId, async (input: ReturnNotificationInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const channel = omnichannelOptions(container).notificationChannel
  const [{ data: [order] }, { data: [ret] }, { data: [store] }] = await Promise.all([
    query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "currency_code", "shipping_address.first_name", "items.id", "items.title", "items.variant_title"],
      filters: { id: input.order_id },
    }),
    query.graph({ entity: "return", fields: ["id", "items.item_id", "items.quantity", "items.received_quantity", "items.damaged_quantity"], filters: { id: input.return_id } }),
    query.graph({ entity: "stock_location", fields: ["name"], filters: { id: input.location_id } }),
  ])
  if (!order?.email || !ret) return new StepResponse([] as CreateNotificationDTO[])
  type Line = { id: string; title: string | null; variant_title: string | null } | null
  const titleOf = new Map(((order.items ?? []) as Line[]).flatMap((i) => (i ? [[i.id, [i.title, i.variant_title].filter(Boolean).join(" – ")] as const] : [])))
  return new StepResponse<CreateNotificationDTO[]>([
    {
      to: order.email,
      channel,
      template: "order.returned_in_store",
      trigger_type: "order.returned_in_store",
      resource_type: "order",
      resource_id: order.id,
      idempotency_key: `order.returned_in_store:${ret.id}`,
      data: {
        first_name: order.shipping_address?.first_name ?? null,
        order_display_id: order.display_id,
        store_name: store?.name ?? null,
        items: ((ret as unknown as ReturnRow).items ?? []).flatMap((i) => (i ? [{ title: titleOf.get(i.item_id) ?? null, quantity: Number(i.quantity) }] : [])),
        refunded_amount: input.refunded_amount,
        currency_code: order.currency_code,
      },
    },
  ])
})
