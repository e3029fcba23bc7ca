import { quintileBoundaries, rfmBoundaries, rfmGroupOf, rfmGroups, scoreOf } from "../rfm"
import { endOfWindow, topShareThreshold } from "../segments"
import { RFM_GROUPS } from "../../modules/engagement/types"

const DAY = 86400000

describe("RFM quintiles", () => {
  it("scores five distinct values 1 to 5 (percent ranks 0, .25, .5, .75, 1)", () => {
    const bounds = quintileBoundaries([10, 40, 20, 50, 30])
    // score k begins at the first value whose percent rank reaches (k-1)/5: .25 → 2, .5 → 3, .75 → 4, 1 → 5
    expect(bounds).toEqual([20, 30, 40, 50])
    expect([10, 20, 30, 40, 50].map((v) => scoreOf(v, bounds))).toEqual([1, 2, 3, 4, 5])
  })

  it("gives equal values the same score: the first of the run decides", () => {
    // ten buyers, six with one order: percent rank of 1 is 0; of 2, 6/9 = .67; of 3, 8/9 = .89; of 7, 1
    const orders = [1, 1, 1, 1, 1, 1, 2, 2, 3, 7]
    const bounds = quintileBoundaries(orders)
    expect(orders.map((v) => scoreOf(v, bounds))).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5])
    // a value between boundaries (a buyer since the refresh) gets the score of the run below it
    expect(scoreOf(5, bounds)).toBe(5)
    expect(scoreOf(0, bounds)).toBe(1)
  })

  it("puts one buyer, or everyone equal, in the lowest score; nobody reaches a boundary that doesn't exist", () => {
    expect(quintileBoundaries([7])).toEqual([Infinity, Infinity, Infinity, Infinity])
    expect(scoreOf(7, quintileBoundaries([7, 7, 7]))).toBe(1)
    expect(quintileBoundaries([])).toEqual([Infinity, Infinity, Infinity, Infinity])
  })

  it("maps every (R, F, M) to exactly one of the eleven groups but prospects", () => {
    const seen = new Set<string>()
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const g = rfmGroupOf(r, f, m)
          expect(RFM_GROUPS).toContain(g)
          seen.add(g)
        }
    expect([...seen].sort()).toEqual(RFM_GROUPS.filter((g) => g !== "prospects").sort())
    expect(rfmGroupOf(5, 5, 5)).toBe("champions")
    expect(rfmGroupOf(5, 1, 1)).toBe("new")
    expect(rfmGroupOf(5, 2, 3)).toBe("promising") // FM 2.5 is below 3: not yet active
    expect(rfmGroupOf(5, 3, 3)).toBe("active")
    expect(rfmGroupOf(1, 5, 4)).toBe("previously_loyal")
    expect(rfmGroupOf(2, 3, 3)).toBe("at_risk")
    expect(rfmGroupOf(2, 1, 2)).toBe("almost_lost")
    expect(rfmGroupOf(1, 1, 1)).toBe("dormant")
    expect(rfmGroupOf(3, 2, 2)).toBe("needs_attention")
    expect(rfmGroupOf(4, 4, 5)).toBe("loyal")
  })

  it("groups a hand-computed shop of five buyers", () => {
    const now = Date.UTC(2026, 10, 24)
    // customer: last order (days ago), orders, spend
    const facts = [
      { customer_id: "ana", last_order_at: now - 2 * DAY, orders: 9, spend: 900 }, // R5 F5 M5
      { customer_id: "ben", last_order_at: now - 10 * DAY, orders: 1, spend: 30 }, // R4 F1 M1
      { customer_id: "cleo", last_order_at: now - 60 * DAY, orders: 4, spend: 400 }, // R3 F4 M4
      { customer_id: "dan", last_order_at: now - 200 * DAY, orders: 3, spend: 250 }, // R2 F3 M3
      { customer_id: "eve", last_order_at: now - 400 * DAY, orders: 2, spend: 100 }, // R1 F2 M2
    ]
    const groups = rfmGroups(facts)
    expect(Object.fromEntries(groups)).toEqual({
      ana: "champions", // R5, FM 5
      ben: "promising", // R4, FM 1
      cleo: "loyal", // R3, FM 4
      dan: "at_risk", // R2, FM 3
      eve: "dormant", // R1, FM 2
    })
    // A new buyer since the refresh, scored against the same boundaries: ordered today, once, 45.
    const bounds = rfmBoundaries(facts)
    const newcomer = rfmGroups([{ customer_id: "fay", last_order_at: now, orders: 1, spend: 45 }], bounds)
    expect(newcomer.get("fay")).toBe("new") // R5, F1, M1 (45 < 100, the second boundary)
  })
})

describe("segment edges", () => {
  it("takes ceil(n × percent) buyers by spend, with ties at the edge in", () => {
    expect(topShareThreshold([10, 50, 30], 33.3)).toBe(50)
    expect(topShareThreshold([10, 50, 30], 33.4)).toBe(30)
    expect(topShareThreshold([10, 50, 30], 100)).toBe(10)
    expect(topShareThreshold([40, 40, 40, 5], 25)).toBe(40) // all three at 40 are in
    expect(topShareThreshold([], 10)).toBeNull()
  })

  it("ends a seasonal window after its last day, UTC", () => {
    expect(endOfWindow("2025-12-24").toISOString()).toBe("2025-12-25T00:00:00.000Z")
    expect(endOfWindow("2024-02-28").toISOString()).toBe("2024-02-29T00:00:00.000Z")
  })
})
