import { NOTIFICATION_ALLOW_LIST, redactNotificationData, REDACTED } from "../notification-redaction"

const TOKEN = "Y2FydF8wMUpBQkNERUY.t1x2y3.dGhpcy1pcy1hLXNpZ25hdHVyZS1vZi00My1jaGFyYWN0ZXJz"

describe("notification allow-list", () => {
  it("keeps a reminder's items and ids, not its recovery link", () => {
    const data = {
      cart_id: "cart_01",
      first_name: "Camille",
      sequence: 1,
      recovery_url: `http://localhost:8000/cart/recover/${TOKEN}`,
      currency_code: "eur",
      items: [{ title: "Mug", thumbnail: null, quantity: 1, unit_price: 18, product_id: "prod_1", variant_id: "variant_1" }],
    }
    expect(redactNotificationData("cart.abandoned_reminder", data)).toEqual({ ...data, recovery_url: REDACTED })
  })

  it("keeps a transfer's order and requester, not its token or link", () => {
    const data = { order_id: "order_1", order_display_id: 12, requested_by_email: "a@example.com", token: TOKEN, token_url: `http://x/orders/order_1/transfer/${TOKEN}` }
    expect(redactNotificationData("order.transfer_requested", data)).toEqual({ ...data, token: REDACTED, token_url: REDACTED })
  })

  it("keeps a pickup's store and times, not its code", () => {
    const data = {
      event: "pickup.ready",
      store_name: "Lyon Bellecour",
      store_address: { address_1: "1 Place Bellecour", postal_code: "69002", country_code: "fr" },
      hours_on_ready_day: [["09:00", "12:30"]],
      pickup_person: { name: "Léa", email: "lea@example.com" },
      rejected_items: [{ title: "Mug", quantity: 1, reason: "Chipped" }],
      code: "ABCDEFGHJK",
    }
    expect(redactNotificationData("pickup.ready", data)).toEqual({ ...data, code: REDACTED })
  })

  it("hides any string a kind's list does not name (a field added later is hidden until listed)", () => {
    expect(redactNotificationData("loyalty.points_earned", { points: 10, tier: "Gold", member_code: "M1", note: "anything" })).toEqual({
      points: 10,
      tier: "Gold",
      member_code: REDACTED,
      note: REDACTED,
    })
    for (const kind of Object.keys(NOTIFICATION_ALLOW_LIST)) expect(redactNotificationData(kind, { extra: "x" })).toEqual({ extra: REDACTED })
  })

  it("keeps a till receipt's lines, store and payment method, never the member code, the email or the terminal reference", () => {
    const receipt = {
      order: { display_id: 12, email: "camille@example.com", total: 24.9, items: [{ title: "Tee", quantity: 1, tax_lines: [{ rate: 20 }] }] },
      store: { name: "Lyon Bellecour" },
      sold_by: "Léa",
      payment: { method: "card", reference: "TPE-123" },
      points: { member_code: "K7QX2M9P", earned: 24, spent: 0, balance: { available: 10, pending: 24 } },
    }
    expect(redactNotificationData("order.receipt", receipt)).toEqual({
      ...receipt,
      order: { ...receipt.order, email: REDACTED },
      payment: { method: "card", reference: REDACTED },
      points: { ...receipt.points, member_code: REDACTED },
    })
  })

  it("for kinds it doesn't know: secret names, links with credentials and token-like runs go; plain text stays", () => {
    expect(
      redactNotificationData("app.custom", {
        title: "Your order",
        postal_code: "69002",
        link: `https://shop.example/reset?token=abc`,
        magic: `https://shop.example/login/${TOKEN}`,
        api_secret: "x",
        when: "2025-01-01T10:00:00.000Z",
      })
    ).toEqual({ title: "Your order", postal_code: "69002", link: REDACTED, magic: REDACTED, api_secret: REDACTED, when: "2025-01-01T10:00:00.000Z" })
  })
})
