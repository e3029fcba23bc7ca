import { cohortRetention, customerMetrics, monthsBetween, omnichannelRatio, orderBreakdown } from "../metrics"

describe("omnichannel metrics arithmetic", () => {
  // Hand-computed: 3 single-channel buyers, 4 orders, 200 in the window, one repeat buyer, 260 lifetime;
  // 1 omnichannel buyer, 3 orders, 180, a repeat buyer, 180 lifetime.
  const single = { omnichannel: false, customers: 3, orders: 4, revenue: 200, repeat_customers: 1, lifetime: 260 }
  const omni = { omnichannel: true, customers: 1, orders: 3, revenue: 180, repeat_customers: 1, lifetime: 180 }

  it("computes each customer type's figures", () => {
    expect(customerMetrics([single])).toEqual({
      customers: 3,
      orders: 4,
      revenue: 200,
      average_order_value: 50,
      purchase_frequency: 1.3333,
      repeat_purchase_rate: 0.3333,
      revenue_per_customer: 66.67,
      historic_clv: 86.67,
    })
    expect(customerMetrics([single, omni])).toEqual(
      expect.objectContaining({ customers: 4, orders: 7, revenue: 380, average_order_value: 54.29, repeat_purchase_rate: 0.5, historic_clv: 110 })
    )
    expect(customerMetrics([])).toEqual(expect.objectContaining({ customers: 0, average_order_value: 0, historic_clv: 0 }))
  })

  it("gives the omnichannel / single-channel ratio, null when there is nothing to compare", () => {
    const ratio = omnichannelRatio([omni], [single])
    // AOV 60 / 50; frequency 3 / (4/3); repeat 1 / (1/3); revenue per customer 180 / (200/3); CLV 180 / (260/3)
    expect(ratio).toEqual({
      average_order_value: 1.2,
      purchase_frequency: 2.25,
      repeat_purchase_rate: 3,
      revenue_per_customer: 2.7,
      historic_clv: 2.0769,
    })
    expect(omnichannelRatio([omni], []).historic_clv).toBeNull()
    expect(omnichannelRatio([], [single]).historic_clv).toBeNull()
  })

  it("lists the window's months in UTC, the partial first and last included", () => {
    expect(monthsBetween(new Date("2025-11-15T00:00:00Z"), new Date("2026-02-01T00:00:00Z"))).toEqual(["2025-11", "2025-12", "2026-01"])
    expect(monthsBetween(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:01Z"))).toEqual(["2026-01"])
  })

  it("splits orders by channel, mode and month; the pickup share is of pickups and deliveries only", () => {
    const channels = [
      { id: "web", name: "Web store" },
      { id: "app", name: "Mobile app" },
      { id: "pos", name: "Stores" },
    ]
    const result = orderBreakdown(
      [
        { sales_channel_id: "web", mode: "delivery", month: "2026-01", orders: 3, revenue: 150 },
        { sales_channel_id: "web", mode: "pickup", month: "2026-02", orders: 1, revenue: 40 },
        { sales_channel_id: "app", mode: "pickup", month: "2026-02", orders: 2, revenue: 60 },
        { sales_channel_id: "pos", mode: "in_store", month: "2026-02", orders: 4, revenue: 100 },
      ],
      channels,
      ["2026-01", "2026-02"]
    )
    expect(result.orders).toBe(10)
    expect(result.revenue).toBe(350)
    expect(result.fulfillment).toEqual({ delivery: 3, pickup: 3, in_store: 4, pickup_share: 0.5 })
    expect(result.by_channel).toEqual([
      { id: "web", name: "Web store", orders: 4, revenue: 190, average_order_value: 47.5, pickup_orders: 1, in_store_orders: 0, pickup_share: 0.25 },
      { id: "app", name: "Mobile app", orders: 2, revenue: 60, average_order_value: 30, pickup_orders: 2, in_store_orders: 0, pickup_share: 1 },
      { id: "pos", name: "Stores", orders: 4, revenue: 100, average_order_value: 25, pickup_orders: 0, in_store_orders: 4, pickup_share: 0 },
    ])
    expect(result.monthly).toEqual([
      { month: "2026-01", orders: 3, revenue: 150, revenue_by_channel: { web: 150 } },
      { month: "2026-02", orders: 7, revenue: 200, revenue_by_channel: { web: 40, app: 60, pos: 100 } },
    ])
  })

  it("turns cohort cells into retention rows, leaving out months not yet known", () => {
    const rows = cohortRetention(
      [
        { cohort: "2026-01", month_offset: 0, customers: 4 },
        { cohort: "2026-01", month_offset: 2, customers: 1 },
        { cohort: "2026-02", month_offset: 0, customers: 2 },
        { cohort: "2026-02", month_offset: 1, customers: 2 },
      ],
      ["2026-01", "2026-02", "2026-03"]
    )
    expect(rows).toEqual([
      { cohort: "2026-01", customers: 4, retention: [1, 0, 0.25] },
      { cohort: "2026-02", customers: 2, retention: [1, 1] },
    ])
  })
})
