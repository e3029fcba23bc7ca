import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ChangeActionType, ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { omnichannelOptions } from "../../../lib/plugin-options"

export type OrderTransferNotificationInput = { order_id: string; order_change_id: string }

export const buildOrderTransferNotificationStepId = "build-order-transfer-notification"

/**
 * The email that lets a guest order's owner confirm it is theirs: sent to the
 * address the order was placed with (not the requesting account's), with the
 * token of Medusa's transfer request in the accept link. Nothing when the app
 * has not asked for it (option orderTransfers.notify).
 */
export const buildOrderTransferNotificationStep = createStep(
  buildOrderTransferNotificationStepId,
  async (input: OrderTransferNotificationInput, { container }) => {
    const { orderTransfers, notificationChannel } = omnichannelOptions(container)
    if (!orderTransfers.notify) return new StepResponse([] as CreateNotificationDTO[])
    const orders = container.resolve(Modules.ORDER)
    const action = (await orders.listOrderChangeActions({ order_change_id: input.order_change_id })).find(
      (a) => a.action === ChangeActionType.TRANSFER_CUSTOMER
    )
    const details = (action?.details ?? {}) as { token?: string; original_email?: string }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "display_id", "email"], filters: { id: input.order_id } })
    const to = details.original_email ?? order?.email
    if (!details.token || !to || !order) return new StepResponse([] as CreateNotificationDTO[])
    // Which account asked: the order goes to it if the link is followed, so the email says so.
    const requester = action?.reference_id
      ? (await query.graph({ entity: "customer", fields: ["email"], filters: { id: action.reference_id } })).data[0]
      : null
    return new StepResponse<CreateNotificationDTO[]>([
      {
        to,
        channel: notificationChannel,
        template: "order.transfer_requested",
        trigger_type: "order.transfer_requested",
        resource_type: "order",
        resource_id: order.id,
        idempotency_key: `order.transfer_requested:${input.order_change_id}`,
        data: {
          order_id: order.id,
          order_display_id: order.display_id,
          requested_by_email: requester?.email ?? null,
          token: details.token,
          // "token" in the key: the development log provider redacts it.
          token_url: orderTransfers.accept_url.replace("{order_id}", encodeURIComponent(order.id)).replace("{token}", encodeURIComponent(details.token)),
        },
      },
    ])
  }
)
