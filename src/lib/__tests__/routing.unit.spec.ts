import { allocate, rankLocations, type RoutingLine, type RoutingLocation, type RoutingPolicy } from "../routing"

const loc = (id: string, free: Record<string, number>, coords: [number, number] | null = null): RoutingLocation => ({
  id,
  latitude: coords?.[0] ?? null,
  longitude: coords?.[1] ?? null,
  free: new Map(Object.entries(free)),
})
const line = (variant: string, quantity: number, items: Record<string, number> = { [`i_${variant}`]: 1 }): RoutingLine => ({
  label: variant.toUpperCase(),
  variant_id: variant,
  quantity,
  inventory: Object.entries(items).map(([inventory_item_id, required_quantity]) => ({ inventory_item_id, required_quantity })),
})
const policy = (rules: RoutingPolicy["rules"], priority: string[] = []): RoutingPolicy => ({ rules, priority })
const partsOf = (r: ReturnType<typeof allocate>) => (r.ok ? r.lines.map((l) => l.parts) : r.shortages)

// Lyon (Bellecour), Villeurbanne, Paris: the demo's kind of distances.
const LYON: [number, number] = [45.7578, 4.832]
const VILLEURBANNE: [number, number] = [45.7719, 4.8902]
const PARIS: [number, number] = [48.8566, 2.3522]

describe("allocate", () => {
  it("ships every line whole from the one location that has them all when fewest_locations comes first", () => {
    const locations = [loc("a", { i_mug: 5 }, LYON), loc("b", { i_mug: 5, i_tee: 5 }, PARIS)]
    const r = allocate([line("mug", 2), line("tee", 1)], locations, policy(["fewest_locations", "nearest"]), {
      latitude: LYON[0],
      longitude: LYON[1],
    })
    expect(partsOf(r)).toEqual([[{ location_id: "b", quantity: 2 }], [{ location_id: "b", quantity: 1 }]])
    expect(r.ok && r.locations).toEqual(["b"])
  })

  it("ships each line from the nearest location that has it whole when nearest comes first", () => {
    const locations = [loc("paris", { i_mug: 5, i_tee: 5 }, PARIS), loc("lyon", { i_mug: 5 }, LYON)]
    const r = allocate([line("mug", 2), line("tee", 1)], locations, policy(["nearest", "fewest_locations"]), {
      latitude: VILLEURBANNE[0],
      longitude: VILLEURBANNE[1],
    })
    // nearest first: the mug from Lyon; the tee only Paris has.
    expect(partsOf(r)).toEqual([[{ location_id: "lyon", quantity: 2 }], [{ location_id: "paris", quantity: 1 }]])
  })

  it("with fewest_locations after another rule, prefers among tied locations one the order already ships from", () => {
    // Both unranked (tied on priority): the tee only b has; the mug then also from b, not from a (the id's pick).
    const locations = [loc("a", { i_mug: 9 }), loc("b", { i_mug: 9, i_tee: 1 })]
    const r = allocate([line("tee", 1), line("mug", 2)], locations, policy(["priority", "fewest_locations"], ["c"]))
    expect(partsOf(r)).toEqual([[{ location_id: "b", quantity: 1 }], [{ location_id: "b", quantity: 2 }]])
    const without = allocate([line("tee", 1), line("mug", 2)], locations, policy(["priority"], ["c"]))
    expect(partsOf(without)).toEqual([[{ location_id: "b", quantity: 1 }], [{ location_id: "a", quantity: 2 }]])
  })

  it("follows the merchant's ranking, unranked locations last, the id breaking ties", () => {
    const locations = [loc("z", { i_mug: 9 }), loc("y", { i_mug: 9 }), loc("x", { i_mug: 9 })]
    expect(partsOf(allocate([line("mug", 1)], locations, policy(["priority"], ["y"])))).toEqual([
      [{ location_id: "y", quantity: 1 }],
    ])
    expect(rankLocations(locations, [], policy(["priority"], ["y"]), null).map((l) => l.id)).toEqual(["y", "x", "z"])
  })

  it("skips nearest without a destination, and the next rule decides", () => {
    const locations = [loc("near", { i_mug: 9 }, VILLEURBANNE), loc("ranked", { i_mug: 9 }, PARIS)]
    const r = allocate([line("mug", 1)], locations, policy(["nearest", "priority"], ["ranked", "near"]), null)
    expect(partsOf(r)).toEqual([[{ location_id: "ranked", quantity: 1 }]])
    // With one, nearest decides.
    const r2 = allocate([line("mug", 1)], locations, policy(["nearest", "priority"], ["ranked", "near"]), {
      latitude: LYON[0],
      longitude: LYON[1],
    })
    expect(partsOf(r2)).toEqual([[{ location_id: "near", quantity: 1 }]])
  })

  it("puts locations without coordinates after those with, for nearest", () => {
    const locations = [loc("a-unknown", { i_mug: 9 }), loc("b-paris", { i_mug: 9 }, PARIS)]
    const r = allocate([line("mug", 1)], locations, policy(["nearest"]), { latitude: LYON[0], longitude: LYON[1] })
    expect(partsOf(r)).toEqual([[{ location_id: "b-paris", quantity: 1 }]])
  })

  it("ranks by most stock of the order's items", () => {
    const locations = [loc("a", { i_mug: 3, i_tee: 1 }), loc("b", { i_mug: 2, i_tee: 4 })]
    // a: min(3,2)+min(1,2) = 3; b: 2+2 = 4.
    const r = allocate([line("mug", 2), line("tee", 2)], locations, policy(["most_stock"]))
    expect(partsOf(r)).toEqual([[{ location_id: "b", quantity: 2 }], [{ location_id: "b", quantity: 2 }]])
  })

  it("splits a line no location holds whole: 3 from the warehouse, 2 from a store", () => {
    const locations = [loc("store", { i_mug: 2 }), loc("warehouse", { i_mug: 3 })]
    const r = allocate([line("mug", 5)], locations, policy(["priority"], ["warehouse", "store"]))
    expect(partsOf(r)).toEqual([
      [
        { location_id: "warehouse", quantity: 3 },
        { location_id: "store", quantity: 2 },
      ],
    ])
  })

  it("with fewest_locations, splits onto a location the order already ships from first", () => {
    // The tee comes from b whole; the mug (5) fits nowhere whole: b's 2 first, then a's.
    const locations = [loc("a", { i_mug: 4 }), loc("b", { i_mug: 2, i_tee: 1 })]
    const r = allocate([line("tee", 1), line("mug", 5)], locations, policy(["fewest_locations", "priority"], ["a", "b"]))
    expect(partsOf(r)).toEqual([
      [{ location_id: "b", quantity: 1 }],
      [
        { location_id: "b", quantity: 2 },
        { location_id: "a", quantity: 3 },
      ],
    ])
  })

  it("refuses, saying what is there, when the locations together are short", () => {
    const locations = [loc("a", { i_mug: 2 }), loc("b", { i_mug: 2 }), loc("c", { i_tee: 9 })]
    const r = allocate([line("mug", 5), line("tee", 1)], locations, policy(["fewest_locations"]))
    expect(r).toEqual({ ok: false, shortages: [{ variant_id: "mug", label: "MUG", requested: 5, available: 4 }] })
  })

  it("counts lines sharing an inventory item against the same units", () => {
    // Two lines of the same variant (a cart may hold it twice): 3 + 3 of 5.
    const r = allocate([line("mug", 3), line("mug", 3)], [loc("a", { i_mug: 5 })], policy(["fewest_locations"]))
    expect(r).toEqual({ ok: false, shortages: [{ variant_id: "mug", label: "MUG", requested: 3, available: 2 }] })
  })

  it("makes a kit's unit only where all its items are", () => {
    const kit = line("kit", 2, { i_box: 1, i_cup: 2 })
    // a: boxes but one cup; b: cups, no boxes; c: one whole kit.
    const locations = [loc("a", { i_box: 5, i_cup: 1 }), loc("b", { i_cup: 9 }), loc("c", { i_box: 1, i_cup: 2 })]
    expect(allocate([kit], locations, policy(["priority"]))).toEqual({
      ok: false,
      shortages: [{ variant_id: "kit", label: "KIT", requested: 2, available: 1 }],
    })
    const more = [...locations, loc("d", { i_box: 1, i_cup: 3 })]
    expect(partsOf(allocate([kit], more, policy(["priority"], ["d", "c"])))).toEqual([
      [
        { location_id: "d", quantity: 1 },
        { location_id: "c", quantity: 1 },
      ],
    ])
  })

  it("needs no location for a line that doesn't manage stock, and leaves the caller's units alone", () => {
    const locations = [loc("a", { i_mug: 1 })]
    const r = allocate([line("gift", 3, {}), line("mug", 1)], locations, policy(["fewest_locations"]))
    expect(partsOf(r)).toEqual([[], [{ location_id: "a", quantity: 1 }]])
    expect(locations[0].free.get("i_mug")).toBe(1)
  })
})
