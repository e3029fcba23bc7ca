import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { moduleSql } from "../../shared/module-sql"
import { OrderAllocation } from "./models/order-allocation"
import { OrderShipment } from "./models/order-shipment"
import { ShipmentActivity } from "./models/shipment-activity"
import { RoutingLocation } from "./models/routing-location"
import { RoutingPolicy } from "./models/routing-policy"
import type { ShipmentStatus } from "./types"

export const DEFAULT_SCOPE = "default"

/** Of a channel's policies, the one that applies: its own, else the default; null when none or disabled. */
export function choosePolicy<P extends { scope: string; enabled: boolean }>(policies: P[], salesChannelId: string | null): P | null {
  const policy = policies.find((p) => p.scope === salesChannelId) ?? policies.find((p) => p.scope === DEFAULT_SCOPE)
  return policy?.enabled ? policy : null
}

export class RoutingModuleService extends MedusaService({
  RoutingLocation,
  RoutingPolicy,
  OrderAllocation,
  OrderShipment,
  ShipmentActivity,
}) {
  /**
   * Moves a shipment to `to` only if it is in one of `from`, its row locked
   * (SELECT … FOR UPDATE), so of two desks acting at once exactly one wins and
   * the other gets a 409 naming the status. The timeline entry is written in
   * the same transaction. Returns the shipment as it was, for compensation.
   */
  @InjectTransactionManager()
  async transitionShipment(
    id: string,
    from: ShipmentStatus[],
    to: ShipmentStatus | undefined,
    data: Record<string, unknown>,
    action: string,
    timeline: { actor_type: string; actor_id: string | null; data?: Record<string, unknown> | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const rows = await moduleSql(sharedContext).execute<{ id: string; status: ShipmentStatus }>(
      `select id, status from order_shipment where id = ? and deleted_at is null for update`,
      [id]
    )
    if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment with id: ${id} was not found`)
    const current = rows[0].status
    if (!from.includes(current)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Cannot ${action} shipment ${id}: its status is ${current} (allowed from ${from.join(", ")})`)
    }
    const [before] = await this.listOrderShipments({ id }, {}, sharedContext)
    const after = await this.updateOrderShipments({ id, ...(to ? { status: to } : {}), ...data }, sharedContext)
    const [activity] = await this.createShipmentActivities(
      [{ shipment_id: id, action: to && to !== current ? to : action, actor_type: timeline.actor_type, actor_id: timeline.actor_id, data: timeline.data ?? null }],
      sharedContext
    )
    return { before, after, activity_id: activity.id as string }
  }

  /** The policy that applies to a channel: its own, else the default; null when none or disabled. */
  async policyFor(salesChannelId: string | null) {
    const scopes = salesChannelId ? [salesChannelId, DEFAULT_SCOPE] : [DEFAULT_SCOPE]
    return choosePolicy(await this.listRoutingPolicies({ scope: scopes }), salesChannelId)
  }
}

export default RoutingModuleService
