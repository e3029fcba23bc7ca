import type { RoutingPolicy, RoutingRule } from "../../hooks/routing"

export const RULE_LABELS: Record<RoutingRule, string> = {
  fewest_locations: "Fewest locations (ship an order from as few places as possible)",
  nearest: "Nearest to the shipping address",
  priority: "Your ranking of locations",
  most_stock: "Most stock of the order's items",
}
export const ALL_RULES = Object.keys(RULE_LABELS) as RoutingRule[]

/** A policy in one line, for the page's summary rows. */
export const describePolicy = (p: RoutingPolicy | null, nameOf: Map<string, string>) => {
  if (!p) return "None: Medusa's default (the first location with stock)"
  if (!p.enabled) return "Off: Medusa's default (the first location with stock)"
  const rules = p.rules.map((r) => RULE_LABELS[r].split(" (")[0].toLowerCase()).join(", then ")
  const ranked = p.rules.includes("priority") && p.priority.length ? `; ranking: ${p.priority.slice(0, 3).map((id) => nameOf.get(id) ?? id).join(", ")}${p.priority.length > 3 ? "…" : ""}` : ""
  return `${rules[0].toUpperCase()}${rules.slice(1)}${ranked}`
}
