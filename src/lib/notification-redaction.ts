/**
 * What a notification may keep once sent: its stored copy (Medusa's
 * `notification` table, `GET /admin/notifications`, backups) and the
 * development provider's log line. The provider itself gets the whole data
 * (the shopper's message needs the code or the link); everything else sees
 * the allow-list below.
 *
 * Per kind (the plugin's templates), the data paths that may be kept as they
 * are. Any other string is replaced by REDACTED: a field added later is
 * hidden until someone decides it is safe, rather than shown until someone
 * notices it is not. Numbers, booleans, null and dates are kept (no secret
 * the plugin sends is one).
 *
 * Path syntax: `a.b` a nested key, `a[]` any element of an array, `a.*`
 * anything under `a`.
 */
export const REDACTED = "[redacted]"

const PICKUP_FIELDS = [
  "event",
  "order_display_id",
  "status",
  "store_name",
  "store_address.*",
  "instructions",
  "hours_on_ready_day.*",
  "ready_by",
  "pickup_person.name",
  "pickup_person.email",
  "pickup_person.phone",
  "expires_at",
  "rejected_items.*",
  "collected_by.*",
  "cancel_reason",
  // not `code`: the pickup code the shopper collects with
]

export const NOTIFICATION_ALLOW_LIST: Readonly<Record<string, readonly string[]>> = {
  "pickup.placed": PICKUP_FIELDS,
  "pickup.preparing": PICKUP_FIELDS,
  "pickup.ready": PICKUP_FIELDS,
  "pickup.expiring": PICKUP_FIELDS,
  "pickup.collected": PICKUP_FIELDS,
  "pickup.canceled": PICKUP_FIELDS,
  "pickup.expired": PICKUP_FIELDS,
  // not `recovery_url`: its token opens the cart (and its email) for days
  "cart.abandoned_reminder": [
    "cart_id",
    "first_name",
    "sequence",
    "currency_code",
    "items[].title",
    "items[].thumbnail",
    "items[].quantity",
    "items[].unit_price",
    "items[].product_id",
    "items[].variant_id",
  ],
  // not `token` nor `token_url`: they move the order to the requesting account
  "order.transfer_requested": ["order_id", "order_display_id", "requested_by_email"],
  "loyalty.points_earned": ["first_name", "points", "available_at", "balance", "tier"],
  "shipment.shipped": ["first_name", "order_display_id", "carrier", "tracking_number", "items[].title", "items[].quantity"],
  "shipment.line_unavailable": ["first_name", "order_display_id", "item.title", "item.quantity", "refunded_amount", "currency_code"],
  "order.returned_in_store": ["first_name", "order_display_id", "store_name", "items[].title", "items[].quantity", "refunded_amount", "currency_code"],
  // not `points.member_code` (it sells and credits at the till) nor the order's email
  "order.receipt": [
    "order.id",
    "order.display_id",
    "order.created_at",
    "order.currency_code",
    "order.items[].title",
    "order.items[].variant_title",
    "order.items[].quantity",
    "order.items[].tax_lines[].rate",
    "order.sales_channel.name",
    "store.name",
    "store.address.*",
    "sold_by",
    "payment.method",
    "points.earned",
    "points.spent",
  ],
}

/** The templates whose stored copy the plugin redacts (every notification it sends). */
export const PLUGIN_NOTIFICATION_TEMPLATES = Object.keys(NOTIFICATION_ALLOW_LIST)

function allowed(patterns: readonly string[], path: string): boolean {
  return patterns.some((p) => {
    if (p === path) return true
    if (!p.endsWith(".*")) return false
    const base = p.slice(0, -2)
    return path.startsWith(`${base}.`) || path.startsWith(`${base}[]`)
  })
}

/*
 * Notifications of other kinds (an app's own, Medusa's) reaching the
 * development log: no list to go by, so anything that looks secret goes. By
 * name: codes, QR images, tokens, passwords (not postal or country codes:
 * no secret, and the log is useless for support without them).
 */
const SECRET_KEYS = /^(code|qr)$|_code$|_qr$|token|password|secret|signature/i
const PUBLIC_KEYS = /^(postal_code|country_code|currency_code|province_code|discount_code)$/i
/** By value: a URL with a credential in its query, or a run of 20+ token characters with letters and digits. */
const SECRET_QUERY = /[?&#](token|code|key|sig|signature|secret|auth|access_token|password)=/i
const TOKEN_RUN = /[A-Za-z0-9_\-+/=.]{20,}/g

function looksSecret(value: string): boolean {
  if (SECRET_QUERY.test(value)) return true
  return (value.match(TOKEN_RUN) ?? []).some((run) => /[0-9]/.test(run) && /[A-Za-z]/.test(run))
}

type Keep = (path: string, value: string) => boolean

/** Every string through `keep`; with `byName`, keys that name a secret are hidden whatever their value. */
function walk(value: unknown, path: string, keep: Keep, byName: boolean): unknown {
  if (typeof value === "string") return keep(path, value) ? value : REDACTED
  if (Array.isArray(value)) return value.map((v) => walk(v, `${path}[]`, keep, byName))
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) =>
        byName && SECRET_KEYS.test(k) && !PUBLIC_KEYS.test(k) ? [k, REDACTED] : [k, walk(v, path ? `${path}.${k}` : k, keep, byName)]
      )
    )
  }
  return value
}

/**
 * The data as it may be stored and logged: for the plugin's kinds, what their
 * allow-list names; for any other kind, everything but what looks secret.
 */
export function redactNotificationData(kind: string | null | undefined, data: unknown): unknown {
  const list = kind ? NOTIFICATION_ALLOW_LIST[kind] : undefined
  if (list) return walk(data, "", (path) => allowed(list, path), false)
  return walk(data, "", (_path, value) => !looksSecret(value), true)
}
