import { addHours, subDays } from "date-fns"
import type { SuppressionReason } from "../modules/engagement/types"

export type ReminderSettings = {
  delay_hours: number
  max_reminders: number
  reminder_interval_hours: number
  cooldown_days: number
}

export type ReminderFacts = {
  now: Date
  /** the cart's last change (the cart or an item) */
  last_activity_at: Date
  /** this channel's delay (or the default) */
  delay_hours: number
  reminders_sent: number
  last_reminded_at: Date | null
  /** the shopper said no to marketing */
  opted_out: boolean
  /** any standing order on any channel, by this customer or email, since the cart's last change */
  ordered_since: boolean
  /** products the shopper bought (any channel) since the cart's last change */
  bought_product_ids: Set<string>
  cart_product_ids: string[]
  /** the latest reminder sent to this shopper for another cart */
  last_reminder_to_shopper_at: Date | null
}

export type ReminderDecision =
  | { action: "wait" }
  | { action: "send"; sequence: number; product_ids: string[] }
  | { action: "suppress"; reason: SuppressionReason; final: boolean }

/**
 * Klaviyo's abandoned-cart rules, decided before each reminder from what the
 * shopper did (any channel, the till included) since the cart last changed:
 * - not before the channel's delay, nor within the interval after the last
 *   reminder, and never more than `max_reminders` (wait);
 * - an opt-out, every item of the cart bought, or an order that has none of
 *   its items (they bought something else instead) ends the cart's reminders
 *   (suppressed, recorded with why);
 * - some of the items bought: a reminder for the rest only;
 * - another cart's reminder within the cooldown delays this one (suppressed
 *   for now, sent later if still idle).
 */
export function decideReminder(f: ReminderFacts, s: ReminderSettings): ReminderDecision {
  if (f.reminders_sent >= s.max_reminders) return { action: "wait" }
  if (f.now < addHours(f.last_activity_at, f.delay_hours)) return { action: "wait" }
  if (f.last_reminded_at && f.now < addHours(f.last_reminded_at, s.reminder_interval_hours)) return { action: "wait" }
  if (f.opted_out) return { action: "suppress", reason: "opted_out", final: true }
  const remaining = f.cart_product_ids.filter((p) => !f.bought_product_ids.has(p))
  if (!remaining.length) return { action: "suppress", reason: "bought_all_items", final: true }
  if (f.ordered_since && remaining.length === f.cart_product_ids.length) {
    return { action: "suppress", reason: "ordered_since", final: true }
  }
  if (f.last_reminder_to_shopper_at && f.last_reminder_to_shopper_at > subDays(f.now, s.cooldown_days)) {
    return { action: "suppress", reason: "cooldown", final: false }
  }
  return { action: "send", sequence: f.reminders_sent + 1, product_ids: remaining }
}

// The recovery tokens belong to the engagement module (it derives the key from its options); kept here for the other importers.
export { recoveryKey, signRecoveryToken, verifyRecoveryToken } from "../modules/engagement/recovery-token"
