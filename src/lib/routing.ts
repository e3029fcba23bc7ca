import { ROUTING_RULES, type RoutingRule } from "../modules/routing/types"
import { distanceKm } from "./geo"

// The rules are stored by the routing module, which owns them; re-exported for the other importers.
export { ROUTING_RULES, type RoutingRule }

/**
 * Delivery routing: which locations ship which units of an order. Pure logic
 * (no database), so the checkout, the desk's reallocation and the bench all
 * decide the same way. See docs/ARCHITECTURE.md, "Fulfilment routing".
 */


export type RoutingLocation = {
  id: string
  latitude: number | null
  longitude: number | null
  /** units free to ship per inventory item: stocked − reserved − the location's shipping safety stock */
  free: Map<string, number>
}

export type RoutingLine = {
  /** what the line is called in a refusal (a SKU, else the variant id) */
  label: string
  variant_id: string
  quantity: number
  /** what one unit takes of each inventory item; empty = not stock-managed */
  inventory: { inventory_item_id: string; required_quantity: number }[]
}

export type RoutingPolicy = {
  rules: RoutingRule[]
  /** the merchant's ranking for `priority`, best first; unranked locations come after */
  priority: string[]
}

export type Destination = { latitude: number; longitude: number } | null

export type AllocationPart = { location_id: string; quantity: number }
export type LineAllocation = { variant_id: string; label: string; quantity: number; parts: AllocationPart[] }
export type Shortage = { variant_id: string; label: string; requested: number; available: number }

export type RoutingResult =
  | { ok: true; lines: LineAllocation[]; locations: string[] }
  | { ok: false; shortages: Shortage[] }

/** How many units of `line` a location can supply from `free` (the smallest over its inventory items). */
export function unitsAt(line: RoutingLine, free: Map<string, number>): number {
  if (!line.inventory.length) return Number.MAX_SAFE_INTEGER
  let units = Number.MAX_SAFE_INTEGER
  for (const ii of line.inventory) {
    const have = free.get(ii.inventory_item_id) ?? 0
    units = Math.min(units, Math.floor(Math.max(0, have) / (ii.required_quantity || 1)))
  }
  return units
}

function take(line: RoutingLine, free: Map<string, number>, quantity: number) {
  for (const ii of line.inventory) {
    free.set(ii.inventory_item_id, (free.get(ii.inventory_item_id) ?? 0) - quantity * (ii.required_quantity || 1))
  }
}

/**
 * Each location's sort key under the rules, in the merchant's order, each
 * breaking the ties of the ones before: `nearest` (skipped without a
 * destination; a location without coordinates sorts last), `priority` (the
 * ranking; unranked last), `most_stock` (most free units of the order's
 * items). `fewest_locations` holds a NaN slot: it depends on what the order
 * already ships from, so the comparator fills it in.
 */
function sortKeys(locations: RoutingLocation[], lines: RoutingLine[], policy: RoutingPolicy, destination: Destination) {
  const rank = new Map(policy.priority.map((id, i) => [id, i]))
  const keys = new Map<string, number[]>()
  for (const loc of locations) {
    const key: number[] = []
    for (const rule of policy.rules) {
      if (rule === "fewest_locations") {
        key.push(Number.NaN)
      } else if (rule === "nearest") {
        if (!destination) continue
        key.push(
          loc.latitude == null || loc.longitude == null
            ? Number.POSITIVE_INFINITY
            : distanceKm(destination.latitude, destination.longitude, loc.latitude, loc.longitude)
        )
      } else if (rule === "priority") {
        key.push(rank.get(loc.id) ?? Number.MAX_SAFE_INTEGER)
      } else if (rule === "most_stock") {
        let units = 0
        for (const line of lines) units += Math.min(unitsAt(line, loc.free), line.quantity)
        key.push(-units)
      }
    }
    keys.set(loc.id, key)
  }
  /** Negative when `a` ranks first; `used`: the locations the order already ships from. */
  return (a: RoutingLocation, b: RoutingLocation, used: Set<string> = new Set()) => {
    const ka = keys.get(a.id)!
    const kb = keys.get(b.id)!
    for (let i = 0; i < ka.length; i++) {
      const x = Number.isNaN(ka[i]) ? (used.has(a.id) ? 0 : 1) : ka[i]
      const y = Number.isNaN(kb[i]) ? (used.has(b.id) ? 0 : 1) : kb[i]
      if (x !== y) return x < y ? -1 : 1
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}

/** The locations in the rules' order, for an order that ships from nowhere yet. */
export function rankLocations(
  locations: RoutingLocation[],
  lines: RoutingLine[],
  policy: RoutingPolicy,
  destination: Destination
): RoutingLocation[] {
  const compare = sortKeys(locations, lines, policy, destination)
  return [...locations].sort((a, b) => compare(a, b))
}

/**
 * Decides where each line ships from.
 *
 * - `fewest_locations` first: whole lines from as few locations as possible
 *   (greedy set cover: each round takes the location that can ship the most
 *   of the remaining lines whole, ties to the better-ranked one).
 * - Otherwise each line whole from the best-ranked location that has it all,
 *   where a later `fewest_locations` prefers, among locations tied so far,
 *   one the order already ships from.
 * - A line no single location can ship whole is split, best-ranked location
 *   first (3 from the warehouse, 2 from a store), the same way.
 * - When the locations together don't hold a line, nothing is allocated: the
 *   shortages say what was asked and what is there.
 *
 * Lines sharing an inventory item draw on the same free units.
 */
export function allocate(
  linesIn: RoutingLine[],
  locationsIn: RoutingLocation[],
  policy: RoutingPolicy,
  destination: Destination = null
): RoutingResult {
  // Indices stay the caller's: result.lines[i] is linesIn[i].
  const lines = linesIn
  // Work on copies: the caller's free units stay as read.
  const copies = locationsIn.map((l) => ({ ...l, free: new Map(l.free) }))
  const compare = sortKeys(copies, lines, policy, destination)
  const locations = [...copies].sort((a, b) => compare(a, b))

  const parts = new Map<number, AllocationPart[]>()
  const used = new Set<string>()
  const assign = (i: number, loc: RoutingLocation, quantity: number) => {
    take(lines[i], loc.free, quantity)
    used.add(loc.id)
    const list = parts.get(i) ?? []
    const same = list.find((p) => p.location_id === loc.id)
    if (same) same.quantity += quantity
    else list.push({ location_id: loc.id, quantity })
    parts.set(i, list)
  }
  // A line that doesn't manage stock ships with the rest and needs no units.
  const remaining = new Set(lines.flatMap((l, i) => (l.inventory.length && l.quantity > 0 ? [i] : [])))
  const fewestFirst = policy.rules[0] === "fewest_locations"
  const fewestLater = !fewestFirst && policy.rules.includes("fewest_locations")
  /** The locations in order for the next line (only `fewest_locations` makes it change). */
  const ordered = () => (fewestLater ? [...locations].sort((a, b) => compare(a, b, used)) : locations)

  if (fewestFirst) {
    for (;;) {
      let best: { loc: RoutingLocation; covers: number[] } | null = null
      for (const loc of locations) {
        // Whole lines this location can ship, drawing on its units line by line.
        const free = new Map(loc.free)
        const covers: number[] = []
        for (const i of remaining) {
          const line = lines[i]
          if (unitsAt(line, free) >= line.quantity) {
            take(line, free, line.quantity)
            covers.push(i)
          }
        }
        if (covers.length && (!best || covers.length > best.covers.length)) best = { loc, covers }
        if (best && best.covers.length === remaining.size) break
      }
      if (!best) break
      for (const i of best.covers) {
        assign(i, best.loc, lines[i].quantity)
        remaining.delete(i)
      }
    }
  } else {
    for (const i of [...remaining]) {
      const line = lines[i]
      const loc = ordered().find((l) => unitsAt(line, l.free) >= line.quantity)
      if (loc) {
        assign(i, loc, line.quantity)
        remaining.delete(i)
      }
    }
  }

  // Splits: what no single location can ship whole.
  for (const i of remaining) {
    const line = lines[i]
    let left = line.quantity
    const order = fewestFirst
      ? [...locations.filter((l) => used.has(l.id)), ...locations.filter((l) => !used.has(l.id))]
      : ordered()
    for (const loc of order) {
      if (!left) break
      const n = Math.min(left, unitsAt(line, loc.free))
      if (n > 0) {
        assign(i, loc, n)
        left -= n
      }
    }
  }

  // Short: what the locations together could not ship (for a kit, units
  // whose items sit at different locations don't make a unit).
  const shortages: Shortage[] = []
  lines.forEach((l, i) => {
    const got = (parts.get(i) ?? []).reduce((s, p) => s + p.quantity, 0)
    if (l.inventory.length && got < l.quantity) shortages.push({ variant_id: l.variant_id, label: l.label, requested: l.quantity, available: got })
  })
  if (shortages.length) return { ok: false, shortages }

  return {
    ok: true,
    lines: lines.map((l, i) => ({ variant_id: l.variant_id, label: l.label, quantity: l.quantity, parts: parts.get(i) ?? [] })),
    locations: [...used],
  }
}
