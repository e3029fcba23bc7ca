import { decideReminder, recoveryKey, signRecoveryToken, verifyRecoveryToken, type ReminderFacts } from "../abandoned-carts"

const H = 3600_000
const now = new Date("2026-11-24T12:00:00Z")
const settings = { delay_hours: 4, max_reminders: 2, reminder_interval_hours: 24, cooldown_days: 7 }
const facts = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  now,
  last_activity_at: new Date(now.getTime() - 5 * H),
  delay_hours: 4,
  reminders_sent: 0,
  last_reminded_at: null,
  opted_out: false,
  ordered_since: false,
  bought_product_ids: new Set(),
  cart_product_ids: ["mug", "bottle"],
  last_reminder_to_shopper_at: null,
  ...over,
})

describe("abandoned-cart reminders", () => {
  it("waits for the channel's delay, to the minute", () => {
    expect(decideReminder(facts({ last_activity_at: new Date(now.getTime() - 4 * H + 60_000) }), settings)).toEqual({ action: "wait" })
    expect(decideReminder(facts({ last_activity_at: new Date(now.getTime() - 4 * H) }), settings)).toEqual({
      action: "send",
      sequence: 1,
      product_ids: ["mug", "bottle"],
    })
    // a channel with a longer delay
    expect(decideReminder(facts({ delay_hours: 8 }), settings)).toEqual({ action: "wait" })
  })

  it("sends at most max_reminders, the interval apart", () => {
    const sentAt = new Date(now.getTime() - 23 * H)
    expect(decideReminder(facts({ reminders_sent: 1, last_reminded_at: sentAt }), settings)).toEqual({ action: "wait" })
    expect(decideReminder(facts({ reminders_sent: 1, last_reminded_at: new Date(now.getTime() - 24 * H) }), settings)).toEqual(
      expect.objectContaining({ action: "send", sequence: 2 })
    )
    expect(decideReminder(facts({ reminders_sent: 2, last_reminded_at: new Date(now.getTime() - 48 * H) }), settings)).toEqual({ action: "wait" })
  })

  it("suppresses for good after an order without the cart's items, all items bought, or an opt-out", () => {
    expect(decideReminder(facts({ ordered_since: true, bought_product_ids: new Set(["socks"]) }), settings)).toEqual({
      action: "suppress",
      reason: "ordered_since",
      final: true,
    })
    expect(decideReminder(facts({ ordered_since: true, bought_product_ids: new Set(["mug", "bottle"]) }), settings)).toEqual({
      action: "suppress",
      reason: "bought_all_items",
      final: true,
    })
    expect(decideReminder(facts({ opted_out: true }), settings)).toEqual({ action: "suppress", reason: "opted_out", final: true })
  })

  it("reminds of the rest when some of the items were bought", () => {
    expect(decideReminder(facts({ ordered_since: true, bought_product_ids: new Set(["mug"]) }), settings)).toEqual({
      action: "send",
      sequence: 1,
      product_ids: ["bottle"],
    })
  })

  it("holds a reminder while another cart's is within the cooldown, then sends it", () => {
    const recent = new Date(now.getTime() - 6 * 24 * H)
    expect(decideReminder(facts({ last_reminder_to_shopper_at: recent }), settings)).toEqual({ action: "suppress", reason: "cooldown", final: false })
    const old = new Date(now.getTime() - 7 * 24 * H - 1)
    expect(decideReminder(facts({ last_reminder_to_shopper_at: old }), settings)).toEqual(expect.objectContaining({ action: "send" }))
  })
})

describe("recovery tokens", () => {
  const key = recoveryKey("a-secret-of-at-least-thirty-two-characters")
  it("opens the cart until it expires, and nothing once altered", () => {
    const token = signRecoveryToken(key, "cart_01ABC", new Date(now.getTime() + H))
    expect(verifyRecoveryToken(key, token, now)).toBe("cart_01ABC")
    expect(verifyRecoveryToken(key, token, new Date(now.getTime() + H))).toBeNull()
    const [cart, expiry, sig] = token.split(".")
    expect(verifyRecoveryToken(key, `${Buffer.from("cart_OTHER").toString("base64url")}.${expiry}.${sig}`, now)).toBeNull()
    expect(verifyRecoveryToken(key, `${cart}.${(parseInt(expiry, 36) + 3600).toString(36)}.${sig}`, now)).toBeNull()
    expect(verifyRecoveryToken(key, `${cart}.${expiry}.${sig.slice(0, -2)}xx`, now)).toBeNull()
    expect(verifyRecoveryToken(recoveryKey("another-secret-of-at-least-thirty-two-chars"), token, now)).toBeNull()
    expect(verifyRecoveryToken(key, "garbage", now)).toBeNull()
    expect(verifyRecoveryToken(key, "a.b.c", now)).toBeNull()
  })

  it("accepts one spelling only: base64, padding, ignored characters or spare low bits of the same signature are refused", () => {
    // A cart whose signature has a "-" or "_" (so the base64 spelling differs) and a last character with spare bits.
    let token = ""
    for (let i = 0; !/[-_]/.test(token.split(".")[2] ?? ""); i++) token = signRecoveryToken(key, `cart_${i}`, new Date(now.getTime() + H))
    const [cart, expiry, sig] = token.split(".")
    expect(verifyRecoveryToken(key, token, now)).toBe(cart && Buffer.from(cart, "base64url").toString())
    const last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(sig.slice(-1))
    const sameBytes = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last ^ 1] // the 43rd character's unused low bits
    const spellings = [
      sig.replace(/-/g, "+").replace(/_/g, "/"), // base64
      `${sig}=`, // padded
      `${sig.slice(0, 10)}!${sig.slice(10)}`, // a character the decoder skips
      `${sig.slice(0, 10)} ${sig.slice(10)}`,
      `${sig.slice(0, -1)}${sameBytes}`,
    ]
    for (const alt of spellings) {
      // Each decodes to the very same 32 bytes: the old comparison of decoded bytes let it through.
      expect(Buffer.from(alt, "base64url").equals(Buffer.from(sig, "base64url"))).toBe(true)
      expect(verifyRecoveryToken(key, `${cart}.${expiry}.${alt}`, now)).toBeNull()
    }
    expect(verifyRecoveryToken(key, `${cart}.${expiry}.${sig}.`, now)).toBeNull()
    expect(verifyRecoveryToken(key, `${cart}.${expiry.toUpperCase()}.${sig}`, now)).toBeNull()
  })
})
