/**
 * Query keys the way Medusa's dashboard builds them (its queryKeysFactory):
 * one prefix per resource, lists and details under it, so a mutation
 * invalidates exactly what it changed (`all` for everything of a resource).
 */
export function queryKeysFactory<const P extends string>(prefix: P) {
  return {
    all: [prefix] as const,
    lists: () => [prefix, "list"] as const,
    // Without a query the key is a prefix of every keyed variant, so
    // invalidating `detail(id)` refreshes each view of that record.
    list: (query?: Record<string, unknown>) => (query ? ([prefix, "list", { query }] as const) : ([prefix, "list"] as const)),
    details: () => [prefix, "detail"] as const,
    detail: (id: string, query?: Record<string, unknown>) =>
      query ? ([prefix, "detail", id, { query }] as const) : ([prefix, "detail", id] as const),
  }
}

export const pickupStoreKeys = queryKeysFactory("omnichannel_pickup_store")
export const staffKeys = queryKeysFactory("omnichannel_staff")
export const pickupKeys = queryKeysFactory("omnichannel_pickup")
export const loyaltyProgramKeys = queryKeysFactory("omnichannel_loyalty_program")
export const customerLoyaltyKeys = queryKeysFactory("omnichannel_customer_loyalty")
export const stockDriftKeys = queryKeysFactory("omnichannel_stock_drift")
export const routingKeys = queryKeysFactory("omnichannel_fulfillment_routing")
export const allocationKeys = queryKeysFactory("omnichannel_order_allocation")
export const segmentKeys = queryKeysFactory("omnichannel_segment")
export const abandonedCartKeys = queryKeysFactory("omnichannel_abandoned_cart")
export const metricsKeys = queryKeysFactory("omnichannel_metrics")
