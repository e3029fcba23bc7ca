import { orderProgress, type ProgressInput } from "../order-progress"

const base = (over: Partial<ProgressInput["order"]> = {}): ProgressInput["order"] => ({
  id: "order_1",
  status: "pending",
  created_at: "2026-12-01T10:00:00Z",
  currency_code: "eur",
  metadata: null,
  items: [{ id: "li_1", title: "Mug", quantity: 3 }],
  fulfillments: [],
  payments: [{ captured: 30, refunded: 0 }],
  ...over,
})
const names = (id: string | null | undefined) => (id === "sloc_w" ? "Warehouse" : id === "sloc_b" ? "Bellecour" : null)
const progress = (order: ProgressInput["order"], extra: Partial<ProgressInput> = {}) =>
  orderProgress({ order, pickup: null, shipments: [], locationName: names, ...extra })
const parcel = (id: string, quantity: number, at: { shipped?: boolean; delivered?: boolean; url?: string } = {}) => ({
  id,
  location_id: "sloc_w",
  shipped_at: at.shipped || at.delivered ? "2026-12-02T10:00:00Z" : null,
  delivered_at: at.delivered ? "2026-12-03T10:00:00Z" : null,
  canceled_at: null,
  labels: [{ tracking_number: "T1", tracking_url: at.url ?? null }],
  items: [{ line_item_id: "li_1", quantity }],
})

describe("orderProgress", () => {
  it("follows a delivery parcel by parcel, what is not fulfilled waiting as one processing parcel", () => {
    expect(progress(base()).state).toBe("processing")
    const partly = progress(base({ fulfillments: [parcel("ful_1", 1, { shipped: true })] }))
    expect(partly.state).toBe("partially_shipped")
    expect(partly.shipments.map((s) => [s.state, s.items[0].quantity])).toEqual([["shipped", 1], ["processing", 2]])
    expect(progress(base({ fulfillments: [parcel("ful_1", 3, { shipped: true })] })).state).toBe("shipped")
    expect(progress(base({ fulfillments: [parcel("ful_1", 1, { delivered: true }), parcel("ful_2", 2, { shipped: true })] })).state).toBe("partially_delivered")
    expect(progress(base({ fulfillments: [parcel("ful_1", 3, { delivered: true })] })).state).toBe("delivered")
  })

  it("links only web addresses for tracking", () => {
    const ok = progress(base({ fulfillments: [parcel("ful_1", 3, { shipped: true, url: "https://track.example/T1" })] }))
    expect(ok.shipments[0].tracking_url).toBe("https://track.example/T1")
    const bad = progress(base({ fulfillments: [parcel("ful_1", 3, { shipped: true, url: "javascript:alert(1)" })] }))
    expect(bad.shipments[0]).toMatchObject({ tracking_url: null, tracking_number: "T1" })
  })

  it("says a pickup's own status, a till sale's store, then canceled or refunded over them", () => {
    const pickup = progress(base(), { pickup: { status: "ready", location_id: "sloc_b" } })
    expect([pickup.mode, pickup.state, pickup.store, pickup.shipments]).toEqual(["pickup", "ready", { id: "sloc_b", name: "Bellecour" }, []])
    const till = progress(base({ metadata: { in_store: true, store_location_id: "sloc_b" } }))
    expect([till.mode, till.state, till.store?.name]).toEqual(["in_store", "sold_in_store", "Bellecour"])
    expect(progress(base({ payments: [{ captured: 30, refunded: 5 }] }))).toMatchObject({ state: "partially_refunded", refunded_amount: 5 })
    expect(progress(base({ payments: [{ captured: 30, refunded: 30 }] })).state).toBe("refunded")
    expect(progress(base({ status: "canceled", payments: [{ captured: 30, refunded: 30 }] })).state).toBe("canceled")
  })
})
