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
