/** The routing rules a policy orders (lib/routing.ts applies them): owned by the module that stores them. */
export const ROUTING_RULES = ["fewest_locations", "nearest", "priority", "most_stock"] as const
export type RoutingRule = (typeof ROUTING_RULES)[number]
