import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import type { IRoutingModuleService } from "../../../types/modules"
import { ROUTING_MODULE } from "../../../modules/routing"
import { omnichannelOptions } from "../../../lib/plugin-options"

/** A line as the order read below selects it. */
type OrderItemTitle = { id: string; title: string; variant_title?: string | null }

export type ShipmentNotificationInput =
  | { event: "shipment.shipped"; shipment_id: string }
  | { event: "shipment.line_unavailable"; order_id: string; line_item_id: string; quantity: number; title?: string | null; refunded_amount?: number }

export const buildShipmentNotificationStepId = "build-shipment-notification"

/**
 * What the shopper is told: a parcel left (carrier, tracking number, what is
 * in it), or an item of the order can't be sent from anywhere. One
 * notification per event and resource (idempotency key).
 */
export const buildShipmentNotificationStep = createStep(
  buildShipmentNotificationStepId,
  async (input: ShipmentNotificationInput, { container }) => {
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const channel = omnichannelOptions(container).notificationChannel
    const shipment = input.event === "shipment.shipped" ? (await routing.listOrderShipments({ id: input.shipment_id }))[0] : null
    const orderId = shipment?.order_id ?? (input.event === "shipment.line_unavailable" ? input.order_id : null)
    if (!orderId) return new StepResponse([] as CreateNotificationDTO[])
    const { data: [order] } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "currency_code", "shipping_address.first_name", "items.id", "items.title", "items.variant_title"],
      filters: { id: orderId },
    })
    if (!order?.email) return new StepResponse([] as CreateNotificationDTO[])
    const titleOf = new Map((order.items ?? []).flatMap((i: OrderItemTitle | null) => (i ? [[i.id, [i.title, i.variant_title].filter(Boolean).join(" – ")] as const] : [])))
    const base = { to: order.email, channel, resource_type: "order", resource_id: order.id }
    if (shipment) {
      const rows = await routing.listOrderAllocations({ order_id: shipment.order_id, location_id: shipment.location_id, status: "shipped" })
      return new StepResponse<CreateNotificationDTO[]>([
        {
          ...base,
          template: "shipment.shipped",
          trigger_type: "shipment.shipped",
          idempotency_key: `shipment.shipped:${shipment.id}`,
          data: {
            first_name: order.shipping_address?.first_name ?? null,
            order_display_id: order.display_id,
            carrier: shipment.carrier,
            tracking_number: shipment.tracking_number,
            items: rows.map((r) => ({ title: titleOf.get(r.line_item_id) ?? null, quantity: r.quantity })),
          },
        },
      ])
    }
    const lost = input as Extract<ShipmentNotificationInput, { event: "shipment.line_unavailable" }>
    return new StepResponse<CreateNotificationDTO[]>([
      {
        ...base,
        template: "shipment.line_unavailable",
        trigger_type: "shipment.line_unavailable",
        idempotency_key: `shipment.line_unavailable:${lost.line_item_id}`,
        data: {
          first_name: order.shipping_address?.first_name ?? null,
          order_display_id: order.display_id,
          item: { title: lost.title ?? titleOf.get(lost.line_item_id) ?? null, quantity: lost.quantity },
          // 0: nothing had been captured for it yet (the payment is captured for the new total).
          refunded_amount: lost.refunded_amount ?? 0,
          currency_code: order.currency_code,
        },
      },
    ])
  }
)
