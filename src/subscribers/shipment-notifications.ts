import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyShipmentWorkflow } from "../workflows/notifications/notify-shipment"

type Data = { id?: string; order_id?: string; line_item_id?: string; quantity?: number; title?: string | null; refunded_amount?: number }

/** A parcel left a location (carrier, tracking), or an item can't be sent from anywhere: the shopper is told. */
export default async function shipmentNotifications({ event, container }: SubscriberArgs<Data>) {
  const input =
    event.name === "shipment.shipped"
      ? { event: "shipment.shipped" as const, shipment_id: event.data.id! }
      : { event: "shipment.line_unavailable" as const, order_id: event.data.order_id!, line_item_id: event.data.line_item_id!, quantity: event.data.quantity ?? 0, title: event.data.title ?? null, refunded_amount: event.data.refunded_amount ?? 0 }
  await notifyShipmentWorkflow(container).run({ input })
}

export const config: SubscriberConfig = { event: ["shipment.shipped", "shipment.line_unavailable"] }
