import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addDays } from "date-fns"
import { decideReminder, signRecoveryToken, type ReminderDecision } from "../../../lib/abandoned-carts"
import { ordersSince } from "../../../lib/orders-since"
import type { IdleCart } from "../../../lib/idle-carts"
import { AbandonedCartStatus } from "../../../modules/engagement/types"
import { omnichannelOptions } from "../../../lib/plugin-options"
import { engagementOf } from "../engagement-of"
import type { AbandonedCartRow } from "./upsert-abandoned-cart"

export type ReminderPlan = {
  decision: ReminderDecision
  notification: CreateNotificationDTO | null
}

export const planReminderStepId = "plan-omnichannel-cart-reminder"

/**
 * Decides, right before the reminder, from what the shopper did on every
 * channel since the cart last changed (lib/abandoned-carts decideReminder),
 * and builds the message: the items not bought yet, with images and prices,
 * and a signed recovery link. A read; nothing to compensate.
 */
export const planReminderStep = createStep(
  planReminderStepId,
  async (input: { cart: IdleCart; row: AbandonedCartRow; now: Date | string }, { container }) => {
    const { row } = input
    // Workflow inputs arrive serialised: dates as strings.
    const cart = { ...input.cart, last_activity_at: new Date(input.cart.last_activity_at) }
    const now = new Date(input.now)
    const engagement = engagementOf(container)
    const settings = engagement.abandonedCartSettings
    if (row.status === AbandonedCartStatus.SUPPRESSED || row.status === AbandonedCartStatus.RECOVERED) {
      return new StepResponse<ReminderPlan>({ decision: { action: "wait" }, notification: null })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [bought, lastToShopper, customer, channel] = await Promise.all([
      engagement.purchasesSince([{ key: cart.id, customer_id: cart.customer_id, email: cart.email, since: cart.last_activity_at }]),
      engagement.lastReminderToShopper({ email: cart.email!, customer_id: cart.customer_id, except_cart_id: cart.id }),
      cart.customer_id
        ? query
            .graph({ entity: "customer", fields: ["id", "first_name", "metadata"], filters: { id: cart.customer_id } })
            .then(({ data }) => data[0])
        : null,
      cart.sales_channel_id
        ? container
            .resolve(Modules.SALES_CHANNEL)
            .listSalesChannels({ id: cart.sales_channel_id }, { select: ["id", "name"] })
            .then((c) => c[0])
        : null,
    ])
    const mine = bought.get(cart.id)
    const productIds = [...new Set(cart.items.map((i) => i.product_id).filter((p): p is string => !!p))]
    const decide = (orders: { orders: number; product_ids: Set<string> } | undefined) =>
      decideReminder(
        {
          now,
          last_activity_at: cart.last_activity_at,
          delay_hours: engagement.reminderDelayHours({ id: cart.sales_channel_id, name: channel?.name }),
          reminders_sent: row.reminders_sent,
          last_reminded_at: row.last_reminded_at ? new Date(row.last_reminded_at) : null,
          opted_out: customer?.metadata?.accepts_marketing === false,
          ordered_since: (orders?.orders ?? 0) > 0,
          bought_product_ids: orders?.product_ids ?? new Set(),
          cart_product_ids: productIds,
          last_reminder_to_shopper_at: lastToShopper,
        },
        settings
      )
    let decision = decide(mine)
    if (decision.action === "send") {
      // Right before sending, the Order Module itself: an order the read model
      // hasn't recorded yet (its event still queued, or failed) still counts.
      const live = await ordersSince(container, { customer_id: cart.customer_id, email: cart.email, since: cart.last_activity_at })
      if (live.orders > (mine?.orders ?? 0) || [...live.product_ids].some((p) => !mine?.product_ids.has(p))) {
        decision = decide({
          orders: Math.max(live.orders, mine?.orders ?? 0),
          product_ids: new Set([...(mine?.product_ids ?? []), ...live.product_ids]),
        })
      }
    }
    if (decision.action !== "send") return new StepResponse<ReminderPlan>({ decision, notification: null })
    const remaining = new Set(decision.product_ids)
    const token = signRecoveryToken(engagement.recoveryKey, cart.id, addDays(now, settings.token_ttl_days))
    const notification: CreateNotificationDTO = {
      to: cart.email!,
      channel: omnichannelOptions(container).notificationChannel,
      template: "cart.abandoned_reminder",
      trigger_type: "cart.abandoned_reminder",
      resource_id: cart.id,
      resource_type: "cart",
      idempotency_key: `cart.abandoned_reminder:${cart.id}:${decision.sequence}`,
      data: {
        cart_id: cart.id,
        first_name: customer?.first_name ?? null,
        sequence: decision.sequence,
        recovery_url: settings.recovery_url.replace("{token}", token),
        currency_code: cart.currency_code,
        items: cart.items
          .filter((i) => !i.product_id || remaining.has(i.product_id))
          .map((i) => ({
            title: i.title,
            thumbnail: i.thumbnail,
            quantity: i.quantity,
            unit_price: i.unit_price,
            product_id: i.product_id,
            variant_id: i.variant_id,
          })),
      },
    }
    return new StepResponse<ReminderPlan>({ decision, notification })
  }
)
