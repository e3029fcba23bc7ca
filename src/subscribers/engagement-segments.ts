import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordOrderEngagementWorkflow, syncCustomerSegmentsWorkflow } from "../workflows/engagement"

const ORDER_EVENTS = ["order.placed", "order.canceled", "order.updated"]
const CART_EVENTS = ["cart.created", "cart.updated", "cart.customer_updated", "cart.customer_transferred"]

/**
 * Segments follow what shoppers do, on every instance: an order placed on
 * any channel (the till's sales emit order.placed too) or canceled is
 * recorded and its customer's segments updated; a cart or a customer that
 * changed updates that customer's. The nightly refresh catches up anything
 * an event missed.
 */
export default async function engagementSegments({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // A passing fault (a lock held elsewhere, a dropped connection) is retried;
  // a lasting one is logged as an error and thrown to the event bus, never swallowed.
  for (let attempt = 1; ; attempt++) {
    try {
      await handle(event, container)
      return
    } catch (e) {
      if (attempt < ATTEMPTS) {
        await new Promise((r) => setTimeout(r, 200 * attempt))
        continue
      }
      logger.error(`Segments not updated after ${event.name} ${event.data.id} (${ATTEMPTS} attempts): ${(e as Error).message}`)
      throw e
    }
  }
}

const ATTEMPTS = 3

async function handle(event: SubscriberArgs<{ id: string }>["event"], container: SubscriberArgs<{ id: string }>["container"]) {
  let customerIds: string[] = []
  if (ORDER_EVENTS.includes(event.name)) {
    // Recorded and its customer's segments updated in one run.
    await recordOrderEngagementWorkflow(container).run({ input: { order_ids: [event.data.id] } })
    return
  } else if (CART_EVENTS.includes(event.name)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "cart", fields: ["customer_id"], filters: { id: event.data.id } })
    customerIds = data[0]?.customer_id ? [data[0].customer_id] : []
  } else {
    customerIds = [event.data.id]
  }
  for (const customer_id of customerIds) {
    await syncCustomerSegmentsWorkflow(container).run({ input: { customer_id } })
  }
}

export const config: SubscriberConfig = {
  event: [...ORDER_EVENTS, ...CART_EVENTS, "customer.created", "customer.updated"],
  context: { subscriberId: "omnichannel-engagement-segments" },
}
