import { z } from "@medusajs/framework/zod"
import { DEVELOPMENT_CODE_SECRET, PUBLISHED_SECRETS } from "./production-secrets"

/** Days a ready pickup is held when its store sets no hold of its own. */
export const DEFAULT_HOLD_DAYS = 5
export const DEFAULT_IN_STORE_CHANNEL = "In-store"
export const DEFAULT_NOTIFICATION_CHANNEL = "email"

const Count = (max: number) => z.number().int().min(1).max(max)

export const OmnichannelOptionsSchema = z
  .object({
    /** Secret from which pickup codes are derived and hashed; required when NODE_ENV=production. */
    pickupCodeSecret: z.string().min(32, "at least 32 characters").optional(),
    /**
     * Secrets used before the current one, newest first: codes already issued
     * with them keep working (shown, sent and accepted at the desk) until their
     * pickups end. Remove one once no open pickup was placed under it.
     */
    previousPickupCodeSecrets: z.array(z.string().min(32, "at least 32 characters")).max(5).default([]),
    /** The sales channel of till sales: its id (sc_…) or its name. */
    inStoreSalesChannel: z.string().trim().min(1).default(DEFAULT_IN_STORE_CHANNEL),
    /** Days after an order is placed during which any shop takes it back. */
    returnWindowDays: z.number().int().min(0).max(365).default(30),
    /** Days a ready pickup is held when the store sets none. */
    defaultHoldDays: Count(365).default(DEFAULT_HOLD_DAYS),
    /** Notification Module channel the plugin sends on. */
    notificationChannel: z.string().trim().min(1).default(DEFAULT_NOTIFICATION_CHANNEL),
    /**
     * How a delivery address without coordinates is placed for the `nearest`
     * routing rule: "fr-postal-codes" (offline, France by postal code) or
     * "none" (then `nearest` is skipped for such addresses).
     */
    geocoder: z.enum(["fr-postal-codes", "none"]).default("fr-postal-codes"),
    /**
     * Abandoned-cart reminders: a cart with items and an email idle longer
     * than `delay_hours` (or its channel's, by channel name or id) gets at
     * most `max_reminders`, `reminder_interval_hours` apart, and a shopper
     * no more than one cart's reminders per `cooldown_days`. The link sent is
     * `recovery_url` with `{token}` replaced (the storefront calls
     * GET /store/carts/recover/:token), valid `token_ttl_days`.
     */
    abandonedCarts: z
      .object({
        enabled: z.boolean().default(true),
        delay_hours: z.number().min(0.25).max(24 * 14).default(4),
        channel_delay_hours: z.record(z.string(), z.number().min(0.25).max(24 * 14)).default({}),
        max_reminders: z.number().int().min(1).max(10).default(2),
        reminder_interval_hours: z.number().min(1).max(24 * 14).default(24),
        cooldown_days: z.number().min(0).max(90).default(7),
        within_days: z.number().int().min(1).max(90).default(30),
        recovery_url: z.string().trim().min(1).default("http://localhost:8000/cart/recover/{token}"),
        token_ttl_days: z.number().int().min(1).max(60).default(7),
      })
      .prefault({}),
    /**
     * Medusa's order transfer (a shopper adds a guest order to their account):
     * with `notify`, the plugin emails the order's address a link to accept it,
     * `accept_url` with {order_id} and {token} replaced (the storefront then
     * calls Medusa's POST /store/orders/:id/transfer/accept). Off by default:
     * an app that already sends it (Medusa's guide has such a subscriber)
     * keeps its own.
     */
    orderTransfers: z
      .object({
        notify: z.boolean().default(false),
        accept_url: z.string().trim().min(1).default("http://localhost:8000/orders/{order_id}/transfer/{token}"),
      })
      .prefault({}),
    codeAttempts: z
      .object({
        window_minutes: Count(24 * 60),
        per_staff: Count(1000),
        per_store: Count(10000),
        per_pickup: Count(1000),
      })
      .partial()
      .optional(),
  })

/** Keys Medusa itself adds to a module's options (it passes a plugin's options to each of its modules). */
const MEDUSA_MODULE_KEYS = new Set(["database", "redisUrl", "redis", "definition", "scope", "resources"])

/** Option names the plugin does not know (a misspelling is not silently ignored: the loader warns). */
export function unknownOptionKeys(raw: unknown): string[] {
  if (!raw || typeof raw !== "object") return []
  const known = Object.keys(OmnichannelOptionsSchema.shape)
  return Object.keys(raw).filter((k) => !known.includes(k) && !MEDUSA_MODULE_KEYS.has(k))
}

export type OmnichannelPluginOptions = z.input<typeof OmnichannelOptionsSchema>
export type OmnichannelOptions = z.output<typeof OmnichannelOptionsSchema> & { pickupCodeSecret: string }

/**
 * Validates the plugin's options. Throws one line naming the option and what
 * it expects; the app does not start with options it would misread.
 */
export function parseOmnichannelOptions(raw: unknown, env: Record<string, string | undefined> = process.env): OmnichannelOptions {
  const result = OmnichannelOptionsSchema.safeParse(raw ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    // An unknown-keys issue names its keys (zod's issue union, narrowed by its code).
    const option = issue.path.join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(", ") : "") || "options"
    throw new Error(`medusa-plugin-omnichannel: option "${option}": ${issue.message}`)
  }
  const options = result.data
  if (!options.pickupCodeSecret) {
    if (env.NODE_ENV === "production") {
      throw new Error(
        `medusa-plugin-omnichannel: option "pickupCodeSecret" is required when NODE_ENV=production (a random string of at least 32 characters; pickup codes are derived from it)`
      )
    }
    return { ...options, pickupCodeSecret: DEVELOPMENT_CODE_SECRET }
  }
  if (env.NODE_ENV === "production") {
    // Codes derived from a published secret can be computed by anyone with a pickup's id.
    const published = [options.pickupCodeSecret, ...options.previousPickupCodeSecrets].findIndex((s) => PUBLISHED_SECRETS.includes(s))
    if (published >= 0) {
      const option = published === 0 ? "pickupCodeSecret" : `previousPickupCodeSecrets.${published - 1}`
      throw new Error(`medusa-plugin-omnichannel: option "${option}" is a published development value; set a random one when NODE_ENV=production`)
    }
  }
  return options as OmnichannelOptions
}
