import {
  eligibleAmount,
  maxRedeemablePoints,
  nextTier,
  pointsFor,
  pointsValue,
  remainingByLot,
  tierFor,
} from "../loyalty-math"

describe("loyalty math", () => {
  const order = { total: 120, tax_total: 20, shipping_total: 6, shipping_subtotal: 5 }

  it("counts tax and shipping as the program says", () => {
    expect(eligibleAmount(order, { include_tax: true, include_shipping: true }).toNumber()).toBe(120)
    expect(eligibleAmount(order, { include_tax: true, include_shipping: false }).toNumber()).toBe(114)
    expect(eligibleAmount(order, { include_tax: false, include_shipping: true }).toNumber()).toBe(100)
    expect(eligibleAmount(order, { include_tax: false, include_shipping: false }).toNumber()).toBe(95)
    expect(eligibleAmount({ total: 3, tax_total: 5 }, { include_tax: false, include_shipping: true }).toNumber()).toBe(0)
  })

  it("floors points and applies the tier multiplier", () => {
    expect(pointsFor(99.99, 1)).toBe(99)
    expect(pointsFor(10, 1.5, 1.5)).toBe(22)
    expect(pointsFor(0.1 + 0.2, 10)).toBe(3) // no 2 from 2.9999999
    expect(pointsFor(50, undefined)).toBe(0)
  })

  it("values points to the currency's minor unit, never rounding up", () => {
    expect(pointsValue(250, 0.01)).toBe(2.5)
    expect(pointsValue(333, 0.015)).toBe(4.99)
    expect(pointsValue(100, 1, 0)).toBe(100)
  })

  it("caps redemption by the share of the cart", () => {
    expect(maxRedeemablePoints(80, 0.5, 0.01)).toBe(4000)
    expect(maxRedeemablePoints(80, 0.5, 0)).toBe(0)
  })

  it("finds the tier and what is missing to the next", () => {
    const tiers = [
      { name: "Gold", threshold: 1000, multiplier: 1.5 },
      { name: "Silver", threshold: 300, multiplier: 1.2 },
    ]
    expect(tierFor(299, tiers)).toBeNull()
    expect(tierFor(300, tiers)?.name).toBe("Silver")
    expect(tierFor(5000, tiers)?.name).toBe("Gold")
    expect(nextTier(120, tiers)).toEqual({ name: "Silver", threshold: 300, remaining: 180 })
    expect(nextTier(1000, tiers)).toBeNull()
  })

  it("spends the oldest lots first; reversals and expiries take from their own lot", () => {
    const d = (day: number) => new Date(Date.UTC(2026, 0, day))
    const rows = [
      { id: "e1", type: "earn", points: 100, available_at: d(1), created_at: d(1) },
      { id: "e2", type: "earn", points: 50, available_at: d(5), created_at: d(5) },
      { id: "r1", type: "redeem", points: -120, available_at: d(6), created_at: d(6) },
      { id: "v1", type: "reverse", points: -10, reference: "e2", available_at: d(7), created_at: d(7) },
    ]
    const lots = remainingByLot(rows)
    expect(lots.get("e1")!.remaining).toBe(0)
    expect(lots.get("e2")!.remaining).toBe(20)
    const expired = remainingByLot([...rows, { id: "x1", type: "expire", points: -20, reference: "e2", available_at: d(9), created_at: d(9) }])
    expect(expired.get("e2")!.remaining).toBe(0)
  })
})
