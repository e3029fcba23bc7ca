import { parseOmnichannelOptions, unknownOptionKeys } from "../plugin-options"

const secret = "x".repeat(32)

describe("plugin options", () => {
  it("fills in the defaults", () => {
    expect(parseOmnichannelOptions({}, { NODE_ENV: "development" })).toEqual({
      pickupCodeSecret: expect.any(String),
      inStoreSalesChannel: "In-store",
      defaultHoldDays: 5,
      returnWindowDays: 30,
      notificationChannel: "email",
      previousPickupCodeSecrets: [],
      geocoder: "fr-postal-codes",
      abandonedCarts: {
        enabled: true,
        delay_hours: 4,
        channel_delay_hours: {},
        max_reminders: 2,
        reminder_interval_hours: 24,
        cooldown_days: 7,
        within_days: 30,
        recovery_url: "http://localhost:8000/cart/recover/{token}",
        token_ttl_days: 7,
      },
      orderTransfers: { notify: false, accept_url: "http://localhost:8000/orders/{order_id}/transfer/{token}" },
    })
    expect(parseOmnichannelOptions(undefined, {}).defaultHoldDays).toBe(5)
    // one setting given, the others default
    expect(parseOmnichannelOptions({ abandonedCarts: { delay_hours: 2 } }, {}).abandonedCarts).toEqual(
      expect.objectContaining({ delay_hours: 2, max_reminders: 2, cooldown_days: 7 })
    )
    expect(() => parseOmnichannelOptions({ abandonedCarts: { max_reminders: 0 } }, {})).toThrow(/abandonedCarts.max_reminders/)
  })

  it("keeps what the app sets", () => {
    const options = parseOmnichannelOptions(
      { pickupCodeSecret: secret, inStoreSalesChannel: "sc_01TILL", defaultHoldDays: 7, notificationChannel: "sms", codeAttempts: { per_staff: 3 } },
      { NODE_ENV: "production" }
    )
    expect(options).toEqual(
      expect.objectContaining({ pickupCodeSecret: secret, inStoreSalesChannel: "sc_01TILL", defaultHoldDays: 7, notificationChannel: "sms", codeAttempts: { per_staff: 3 } })
    )
  })

  it("refuses to run in production without a pickup-code secret, in one line naming the option", () => {
    expect(() => parseOmnichannelOptions({}, { NODE_ENV: "production" })).toThrow(
      /^medusa-plugin-omnichannel: option "pickupCodeSecret" is required when NODE_ENV=production[^\n]*$/
    )
  })

  it("ignores what Medusa adds to module options, and lists the names it does not know", () => {
    expect(parseOmnichannelOptions({ database: { clientUrl: "postgres://" } }, {}).defaultHoldDays).toBe(5)
    expect(unknownOptionKeys({ database: {}, holdDays: 5, defaultHoldDays: 5 })).toEqual(["holdDays"])
  })

  it.each([
    [{ pickupCodeSecret: "short" }, /option "pickupCodeSecret": at least 32 characters/],
    [{ previousPickupCodeSecrets: ["short"] }, /option "previousPickupCodeSecrets.0": at least 32 characters/],
    [{ defaultHoldDays: 0 }, /option "defaultHoldDays"/],
    [{ defaultHoldDays: 2.5 }, /option "defaultHoldDays"/],
    [{ defaultHoldDays: "5" }, /option "defaultHoldDays"/],
    [{ inStoreSalesChannel: "  " }, /option "inStoreSalesChannel"/],
    [{ notificationChannel: 3 }, /option "notificationChannel"/],
    [{ codeAttempts: { per_staff: -1 } }, /option "codeAttempts.per_staff"/],
  ])("names the option that is wrong: %j", (raw, message) => {
    expect(() => parseOmnichannelOptions(raw, { NODE_ENV: "development" })).toThrow(message)
  })
})
