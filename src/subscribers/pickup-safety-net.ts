import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ensurePickupPlacedWorkflow } from "../workflows/checkout/ensure-pickup-placed"

/**
 * Any order.placed, whatever completed it: a pickup whose reservations sit
 * away from its store, or without its pickup record, is put right (see
 * ensurePickupPlacedWorkflow). A failure is thrown to the event bus (retried
 * where it retries, logged by Medusa) and the hourly job tries again.
 */
export default async function pickupSafetyNet({ event, container }: SubscriberArgs<{ id: string }>) {
  await ensurePickupPlacedWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = { event: "order.placed", context: { subscriberId: "omnichannel-pickup-safety-net" } }
