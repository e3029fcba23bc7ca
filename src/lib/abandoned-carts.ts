import crypto from "node:crypto"
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

/** A recovery link's token: the cart and an expiry, signed (HMAC-SHA256). Nothing else is in it. */
export function signRecoveryToken(key: Buffer, cartId: string, expiresAt: Date): string {
  const body = `${Buffer.from(cartId).toString("base64url")}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`
  const sig = crypto.createHmac("sha256", key).update(body).digest("base64url")
  return `${body}.${sig}`
}

/**
 * A token as signRecoveryToken writes it, and nothing else: the cart id in
 * unpadded base64url, the expiry in lower-case base 36, and the 43 characters
 * of an unpadded base64url HMAC-SHA256.
 */
const CANONICAL_TOKEN = /^[A-Za-z0-9_-]{1,200}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{43}$/

/**
 * The cart of a valid token, or null (tampered, malformed, or expired: the
 * caller answers the same). One spelling per token: Node's base64 decoder
 * takes "+" for "-", padding, skipped characters and spare low bits as the
 * same bytes, so the signature is compared as the exact string the key gives
 * (timing-safe), never as decoded bytes.
 */
export function verifyRecoveryToken(key: Buffer, token: string, now = new Date()): string | null {
  if (!CANONICAL_TOKEN.test(token)) return null
  const [cart, expiry, sig] = token.split(".")
  const expected = Buffer.from(crypto.createHmac("sha256", key).update(`${cart}.${expiry}`).digest("base64url"))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  const expiresAt = parseInt(expiry, 36) * 1000
  if (!Number.isFinite(expiresAt) || expiresAt <= now.getTime()) return null
  return Buffer.from(cart, "base64url").toString()
}

/** The recovery key: derived from the plugin's secret, so no new secret to configure. */
export function recoveryKey(secret: string): Buffer {
  return crypto.createHmac("sha256", secret).update("omnichannel:cart-recovery").digest()
}
