/** The routing rules a policy orders (lib/routing.ts applies them): owned by the module that stores them. */
export const ROUTING_RULES = ["fewest_locations", "nearest", "priority", "most_stock"] as const
export type RoutingRule = (typeof ROUTING_RULES)[number]

/** A routed shipment's statuses: to_ship → picking → packed → shipped, or canceled. */
export const SHIPMENT_STATUSES = ["to_ship", "picking", "packed", "shipped", "canceled"] as const
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number]
