import { MedusaService } from "@medusajs/framework/utils"
import { OrderAllocation } from "./models/order-allocation"
import { RoutingLocation } from "./models/routing-location"
import { RoutingPolicy } from "./models/routing-policy"

export const DEFAULT_SCOPE = "default"

export default class RoutingModuleService extends MedusaService({
  RoutingLocation,
  RoutingPolicy,
  OrderAllocation,
}) {
  /** The policy that applies to a channel: its own, else the default; null when none or disabled. */
  async policyFor(salesChannelId: string | null) {
    const scopes = salesChannelId ? [salesChannelId, DEFAULT_SCOPE] : [DEFAULT_SCOPE]
    const found = await this.listRoutingPolicies({ scope: scopes })
    const policy = found.find((p) => p.scope === salesChannelId) ?? found.find((p) => p.scope === DEFAULT_SCOPE)
    return policy?.enabled ? policy : null
  }
}
