import { settlementFor } from "../collect-pickup"
import { planReadyItems } from "../steps/plan-ready-items"

const order = {
  total: 84,
  items: [
    { id: "li_mug", title: "Mug", variant_sku: "MUG", quantity: 3, total: 54 },
    { id: "li_tee", title: "Tee", variant_sku: "TEE", quantity: 1, total: 30 },
  ],
  payment_collections: [{ payments: [{ id: "pay_1", captured_at: null, canceled_at: null, captures: [] }] }],
}

describe("planReadyItems", () => {
  it("makes the whole order ready without items", () => {
    expect(planReadyItems(order)).toEqual({
      fulfil: [
        { id: "li_mug", quantity: 3 },
        { id: "li_tee", quantity: 1 },
      ],
      rejected: [],
    })
  })

  it("splits a listed line into ready and rejected; unlisted lines are ready in full", () => {
    const plan = planReadyItems(order, [{ line_item_id: "li_mug", quantity: 1, reason: " chipped " }])
    expect(plan.fulfil).toEqual([
      { id: "li_mug", quantity: 1 },
      { id: "li_tee", quantity: 1 },
    ])
    expect(plan.rejected).toEqual([{ line_item_id: "li_mug", title: "Mug", sku: "MUG", quantity: 2, reason: "chipped" }])
  })

  it("leaves a fully rejected line out of the fulfillment", () => {
    const plan = planReadyItems(order, [{ line_item_id: "li_tee", quantity: 0, reason: "lost" }])
    expect(plan.fulfil).toEqual([{ id: "li_mug", quantity: 3 }])
    expect(plan.rejected.map((r) => [r.line_item_id, r.quantity])).toEqual([["li_tee", 1]])
  })

  it.each([
    [[{ line_item_id: "li_x", quantity: 1 }], "items[0].line_item_id"],
    [[{ line_item_id: "li_mug", quantity: 4 }], "items[0].quantity"],
    [[{ line_item_id: "li_mug", quantity: 1, rejected_quantity: 1, reason: "x" }], "items[0].quantity"],
    [[{ line_item_id: "li_mug", quantity: 2 }], "items[0].reason"],
    [[{ line_item_id: "li_mug", quantity: 3 }, { line_item_id: "li_mug", quantity: 3 }], "items[1].line_item_id"],
  ])("refuses %j naming %s", (items, field) => {
    expect(() => planReadyItems(order, items as any)).toThrow(field)
  })

  it("refuses to make nothing ready (cancel instead)", () => {
    expect(() =>
      planReadyItems(order, [
        { line_item_id: "li_mug", quantity: 0, reason: "a" },
        { line_item_id: "li_tee", quantity: 0, reason: "b" },
      ])
    ).toThrow("Cancel the pickup instead")
  })
})

describe("settlementFor", () => {
  it("captures the total when nothing was rejected", () => {
    expect(settlementFor(order, null)).toEqual({ capture: { payment_id: "pay_1", amount: 84 }, refund: null })
  })

  it("captures the total less rejected units at their line price", () => {
    const rejected = [{ line_item_id: "li_mug", quantity: 2, reason: "x" }]
    expect(settlementFor(order, rejected).capture).toEqual({ payment_id: "pay_1", amount: 48 })
  })

  it("rounds to the currency's minor unit", () => {
    const odd = { ...order, currency_code: "eur", total: 10, items: [{ id: "li_a", quantity: 3, total: 10 }] }
    expect(settlementFor(odd, [{ line_item_id: "li_a", quantity: 1, reason: "x" }]).capture!.amount).toBe(6.67)
    const yen = { ...odd, currency_code: "jpy", total: 1000, items: [{ id: "li_a", quantity: 3, total: 1000 }] }
    expect(settlementFor(yen, [{ line_item_id: "li_a", quantity: 1, reason: "x" }]).capture!.amount).toBe(667)
  })

  it("refunds rejected units when the payment was captured in full at checkout", () => {
    const captured = {
      ...order,
      payment_collections: [{ payments: [{ id: "pay_1", captured_at: "2026-01-01", captures: [{ amount: 84 }] }] }],
    }
    expect(settlementFor(captured, [{ line_item_id: "li_tee", quantity: 1, reason: "x" }])).toEqual({
      capture: null,
      refund: { payment_id: "pay_1", amount: 30 },
    })
    expect(settlementFor(captured, null)).toEqual({ capture: null, refund: null })
  })

  it("prefers a live authorization to a voided one, but still tries a voided one rather than hand over unpaid", () => {
    const two = {
      ...order,
      payment_collections: [
        { payments: [{ id: "pay_old", canceled_at: "2026-01-01", captures: [] }, { id: "pay_new", canceled_at: null, captures: [] }] },
      ],
    }
    expect(settlementFor(two, null).capture!.payment_id).toBe("pay_new")
    const voided = { ...order, payment_collections: [{ payments: [{ id: "pay_old", canceled_at: "2026-01-01", captures: [] }] }] }
    expect(settlementFor(voided, null).capture!.payment_id).toBe("pay_old")
  })
})
