import { orderPlacements } from "../order-placements"
import { destinationOf } from "../routing-data"

describe("orderPlacements", () => {
  const allocation = {
    locations: [],
    lines: [
      { line_id: "cl_mug", variant_id: "v_mug", quantity: 5, parts: [{ location_id: "w", quantity: 3 }, { location_id: "b", quantity: 2 }] },
      { line_id: "cl_tee", variant_id: "v_tee", quantity: 1, parts: [{ location_id: "b", quantity: 1 }] },
      { line_id: "cl_gift", variant_id: "v_gift", quantity: 1, parts: [] },
    ],
  }

  it("gives each order line the location of the part of its variant and quantity, whatever the order of the lines", () => {
    const items = [
      { id: "ol_tee", variant_id: "v_tee", quantity: 1 },
      { id: "ol_mug2", variant_id: "v_mug", quantity: 2 },
      { id: "ol_gift", variant_id: "v_gift", quantity: 1 },
      { id: "ol_mug3", variant_id: "v_mug", quantity: 3 },
    ]
    expect(orderPlacements(allocation, items)).toEqual([
      { line_item_id: "ol_mug3", variant_id: "v_mug", location_id: "w", quantity: 3 },
      { line_item_id: "ol_mug2", variant_id: "v_mug", location_id: "b", quantity: 2 },
      { line_item_id: "ol_tee", variant_id: "v_tee", location_id: "b", quantity: 1 },
    ])
  })

  it("reads the Order Module's big-number quantities", () => {
    const items = [
      { id: "ol_mug2", variant_id: "v_mug", quantity: 0, raw_quantity: { value: "2", precision: 20 } },
      { id: "ol_mug3", variant_id: "v_mug", quantity: 0, raw_quantity: { value: "3", precision: 20 } },
    ]
    expect(orderPlacements({ ...allocation, lines: [allocation.lines[0]] }, items as any).map((p) => [p.line_item_id, p.location_id])).toEqual([
      ["ol_mug3", "w"],
      ["ol_mug2", "b"],
    ])
  })
})

describe("destinationOf", () => {
  it("takes latitude/longitude or lat/lng from the shipping address's metadata", () => {
    expect(destinationOf({ metadata: { latitude: 45.77, longitude: 4.89 } })).toEqual({ latitude: 45.77, longitude: 4.89 })
    expect(destinationOf({ metadata: { lat: "45.77", lng: "4.89" } })).toEqual({ latitude: 45.77, longitude: 4.89 })
  })

  it("gives none without them or with values that aren't coordinates", () => {
    expect(destinationOf(null)).toBeNull()
    expect(destinationOf({ metadata: null })).toBeNull()
    expect(destinationOf({ metadata: { latitude: 91, longitude: 0 } })).toBeNull()
    expect(destinationOf({ metadata: { latitude: "north", longitude: 4 } })).toBeNull()
    expect(destinationOf({ metadata: { longitude: 4 } })).toBeNull()
  })
})
