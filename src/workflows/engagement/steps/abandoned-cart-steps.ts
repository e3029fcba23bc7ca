import type { CreateNotificationDTO, InferTypeOf } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addDays } from "date-fns"
import { decideReminder, signRecoveryToken, type ReminderDecision } from "../../../lib/abandoned-carts"
import { ordersSince } from "../../../lib/orders-since"
import type { IdleCart } from "../../../lib/idle-carts"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type { AbandonedCart } from "../../../modules/engagement/models/abandoned-cart"
import { AbandonedCartStatus } from "../../../modules/engagement/types"
import type { IEngagementModuleService } from "../../../types/modules"
import { omnichannelOptions } from "../../../lib/plugin-options"

const engagementOf = (container: { resolve: (k: string) => unknown }) =>
  container.resolve(ENGAGEMENT_MODULE) as IEngagementModuleService

export type AbandonedCartRow = {
  id: string
  cart_id: string
  customer_id: string | null
  email: string
  status: AbandonedCartStatus
  reminders_sent: number
  last_reminded_at: Date | null
  last_activity_at: Date
  suppressed_reason: string | null
}

/** The record as it was before the step (null: the step created it). */
type AbandonedCartUndo = { id: string; previous: InferTypeOf<typeof AbandonedCart> | null }

/** The cart's record, created the first time it is seen idle and kept up to date with its last change. */
export const upsertAbandonedCartStep = createStep(
  "upsert-omnichannel-abandoned-cart",
  async (cart: IdleCart, { container }) => {
    const engagement = engagementOf(container)
    const [existing] = await engagement.listAbandonedCarts({ cart_id: cart.id })
    const fields = {
      customer_id: cart.customer_id,
      email: cart.email!.toLowerCase(),
      sales_channel_id: cart.sales_channel_id,
      last_activity_at: new Date(cart.last_activity_at),
      product_ids: [...new Set(cart.items.map((i) => i.product_id).filter((p): p is string => !!p))],
    }
    if (existing) {
      const row = await engagement.updateAbandonedCarts({ id: existing.id, ...fields })
      return new StepResponse<AbandonedCartRow, AbandonedCartUndo>(row, { id: existing.id, previous: existing })
    }
    try {
      const row = await engagement.createAbandonedCarts({ cart_id: cart.id, ...fields })
      return new StepResponse<AbandonedCartRow, AbandonedCartUndo>(row, { id: row.id, previous: null })
    } catch (e) {
      // Seen by another run at the same moment (cart_id is unique).
      const [row] = await engagement.listAbandonedCarts({ cart_id: cart.id })
      if (!row) throw e
      return new StepResponse<AbandonedCartRow, AbandonedCartUndo>(row, { id: row.id, previous: row })
    }
  },
  async (undo, { container }) => {
    if (!undo) return
    const engagement = engagementOf(container)
    if (undo.previous) {
      const { id, customer_id, email, sales_channel_id, last_activity_at, product_ids } = undo.previous
      await engagement.updateAbandonedCarts({ id, customer_id, email, sales_channel_id, last_activity_at, product_ids })
    } else {
      await engagement.deleteAbandonedCarts(undo.id)
    }
  }
)

export type ReminderPlan = {
  decision: ReminderDecision
  notification: CreateNotificationDTO | null
}

/**
 * Decides, right before the reminder, from what the shopper did on every
 * channel since the cart last changed (lib/abandoned-carts decideReminder),
 * and builds the message: the items not bought yet, with images and prices,
 * and a signed recovery link. A read; nothing to compensate.
 */
export const planReminderStep = createStep(
  "plan-omnichannel-cart-reminder",
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

/**
 * Records the decision: a reminder taken (one winner: the count moves only
 * from what was read) and logged, or a suppression logged with why (final
 * ones end the cart's reminders; a cooldown is logged once). The
 * compensation puts the cart's record back and removes the log entry.
 */
export const recordReminderDecisionStep = createStep(
  "record-omnichannel-cart-reminder",
  async (input: { row: AbandonedCartRow; plan: ReminderPlan; now: Date | string }, { container }) => {
    const { row, plan } = input
    const now = new Date(input.now)
    const engagement = engagementOf(container)
    const d = plan.decision
    if (d.action === "wait") return new StepResponse({ recorded: null as string | null }, null)
    const previous = {
      id: row.id,
      status: row.status,
      reminders_sent: row.reminders_sent,
      last_reminded_at: row.last_reminded_at,
      suppressed_reason: row.suppressed_reason,
    }
    if (d.action === "send") {
      if (!(await engagement.claimReminder(row.id, row.reminders_sent, now))) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `Reminder ${d.sequence} of cart ${row.cart_id} was taken by another run`)
      }
    } else if (d.final) {
      await engagement.updateAbandonedCarts({ id: row.id, status: AbandonedCartStatus.SUPPRESSED, suppressed_reason: d.reason })
    } else if (row.suppressed_reason === d.reason) {
      return new StepResponse({ recorded: null as string | null }, null)
    } else {
      await engagement.updateAbandonedCarts({ id: row.id, suppressed_reason: d.reason })
    }
    const reminder = await engagement.createCartReminders({
      abandoned_cart_id: row.id,
      cart_id: row.cart_id,
      email: row.email,
      customer_id: row.customer_id,
      kind: d.action === "send" ? "sent" : "suppressed",
      sequence: d.action === "send" ? d.sequence : null,
      reason: d.action === "suppress" ? d.reason : null,
    })
    return new StepResponse({ recorded: reminder.id as string | null }, { previous, reminder_id: reminder.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const engagement = engagementOf(container)
    await engagement.updateAbandonedCarts(undo.previous)
    await engagement.deleteCartReminders(undo.reminder_id)
  }
)

/**
 * An order placed after a reminder recovers the reminded carts of its
 * shopper (customer or email) that share one of its products: the cart
 * itself completed, or the same item bought elsewhere (the app, the till).
 */
export const attributeRecoveryStep = createStep(
  "attribute-omnichannel-cart-recovery",
  async (
    purchases: { order_id: string; customer_id: string | null; email: string | null; placed_at: Date | string; canceled: boolean; product_ids: string[] }[],
    { container }
  ) => {
    const engagement = engagementOf(container)
    const recovered: { id: string }[] = []
    for (const p of purchases) {
      if (p.canceled || (!p.customer_id && !p.email)) continue
      const placedAt = new Date(p.placed_at)
      const candidates = await engagement.remindedCartsOf(p)
      for (const c of candidates) {
        if (!c.last_reminded_at || new Date(c.last_reminded_at) >= placedAt) continue
        if (!(c.product_ids ?? []).some((id: string) => p.product_ids.includes(id))) continue
        await engagement.updateAbandonedCarts({
          id: c.id,
          status: AbandonedCartStatus.RECOVERED,
          recovered_at: placedAt,
          recovered_order_id: p.order_id,
        })
        recovered.push({ id: c.id })
      }
    }
    return new StepResponse(recovered, recovered.map((r) => r.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await engagementOf(container).updateAbandonedCarts(
      ids.map((id) => ({ id, status: AbandonedCartStatus.REMINDED, recovered_at: null, recovered_order_id: null }))
    )
  }
)
