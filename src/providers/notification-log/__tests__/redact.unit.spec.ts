import NotificationLogService, { redact } from "../service"

describe("notification-log provider", () => {
  it("redacts codes, QR images and tokens at any depth, keeps the rest (postal and country codes are no secret)", () => {
    expect(
      redact({
        code: "ABCDEFGHJK",
        store_name: "Lyon Bellecour",
        pickup: { pickup_code: "X", qr: "data:image/png;base64,…", items: [{ member_code: "M", title: "Mug" }] },
        token: "t",
        store_address: { postal_code: "69002", country_code: "fr", city: "Lyon" },
        currency_code: "eur",
      })
    ).toEqual({
      code: "[redacted]",
      store_name: "Lyon Bellecour",
      pickup: { pickup_code: "[redacted]", qr: "[redacted]", items: [{ member_code: "[redacted]", title: "Mug" }] },
      token: "[redacted]",
      store_address: { postal_code: "69002", country_code: "fr", city: "Lyon" },
      currency_code: "eur",
    })
  })

  it("never writes the code to the log", async () => {
    const lines: string[] = []
    const logger = { info: (m: string) => lines.push(m) } as any
    const provider = new NotificationLogService({ logger })
    await provider.send({ to: "a@example.com", channel: "email", template: "pickup.placed", data: { code: "ABCDEFGHJK" } } as any)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain("a@example.com")
    expect(lines[0]).not.toContain("ABCDEFGHJK")
  })
})

describe("notification-log provider, recovery and transfer links", () => {
  const TOKEN = "Y2FydF8wMUpBQkNERUY.t1x2y3.dGhpcy1pcy1hLXNpZ25hdHVyZS1vZi00My1jaGFyYWN0ZXJz"
  const logged = async (template: string, data: Record<string, unknown>) => {
    const lines: string[] = []
    const logger = { info: (m: string) => lines.push(m) } as any
    await new NotificationLogService({ logger }).send({ to: "a@example.com", channel: "email", template, data } as any)
    return lines.join("\n")
  }

  it("logs a reminder without its recovery link's token", async () => {
    const line = await logged("cart.abandoned_reminder", { cart_id: "cart_01", sequence: 1, recovery_url: `http://localhost:8000/cart/recover/${TOKEN}` })
    expect(line).not.toContain(TOKEN)
    expect(line).toContain('"recovery_url":"[redacted]"')
    expect(line).toContain('"sequence":1')
  })

  it("logs a transfer request without its token or link", async () => {
    const line = await logged("order.transfer_requested", { order_id: "order_1", token: TOKEN, token_url: `http://localhost:8000/orders/order_1/transfer/${TOKEN}` })
    expect(line).not.toContain(TOKEN)
    expect(line).toContain('"order_id":"order_1"')
  })
})
