import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listDeskShipments, presentShipments, retrieveShipmentInScope } from "../lib/shipment-desk"
import type { DeskScope } from "../lib/pickup-desk"
import { ROUTING_MODULE } from "../modules/routing"
import type { IRoutingModuleService } from "../types/modules"
import { advanceShipmentWorkflow, rejectShipmentLineWorkflow, shipShipmentWorkflow } from "../workflows/ship-from-store"
import type { DeskListShipmentsType, DeskRejectLineType, DeskShipType } from "./staff/validators"
import { staffMemberOf } from "./staff/middlewares"
import { omnichannelRoute } from "./utils/own-errors"

type Req<B = unknown> = AuthenticatedMedusaRequest<B>

/**
 * The desk's second queue, "to ship": routed delivery orders a location
 * ships. Shared by store staff (/staff/shipments, their stores) and merchants
 * (/admin/shipments, every location).
 */
export function shipmentHandlers(scopeOf: (req: Req<unknown>) => DeskScope) {
  const reload = async (req: Req<unknown>, id: string) => {
    const [shipment] = await req.scope.resolve<IRoutingModuleService>(ROUTING_MODULE).listOrderShipments({ id })
    return (await presentShipments(req.scope, [shipment]))[0]
  }
  const advance = (action: "pick" | "pack") =>
    omnichannelRoute(async (req: Req, res: MedusaResponse) => {
      const scope = scopeOf(req)
      const shipment = await retrieveShipmentInScope(req.scope, scope, req.params.id)
      await advanceShipmentWorkflow(req.scope).run({ input: { shipment_id: shipment.id, action, actor: scope.actor } })
      res.json({ shipment: await reload(req, shipment.id) })
    })
  return {
    list: omnichannelRoute(async (req: Req, res: MedusaResponse) => {
      res.json(await listDeskShipments(req.scope, scopeOf(req), req.validatedQuery as DeskListShipmentsType))
    }),
    retrieve: omnichannelRoute(async (req: Req, res: MedusaResponse) => {
      const shipment = await retrieveShipmentInScope(req.scope, scopeOf(req), req.params.id)
      res.json({ shipment: await reload(req, shipment.id) })
    }),
    pick: advance("pick"),
    pack: advance("pack"),
    ship: omnichannelRoute(async (req: Req<DeskShipType>, res: MedusaResponse) => {
      const scope = scopeOf(req)
      const shipment = await retrieveShipmentInScope(req.scope, scope, req.params.id)
      await shipShipmentWorkflow(req.scope).run({ input: { shipment_id: shipment.id, ...req.validatedBody, actor: scope.actor } })
      res.json({ shipment: await reload(req, shipment.id) })
    }),
    rejectLine: omnichannelRoute(async (req: Req<DeskRejectLineType>, res: MedusaResponse) => {
      const scope = scopeOf(req)
      const shipment = await retrieveShipmentInScope(req.scope, scope, req.params.id)
      const { result } = await rejectShipmentLineWorkflow(req.scope).run({
        input: { shipment_id: shipment.id, line_item_id: req.params.line_item_id, reason: req.validatedBody.reason, actor: scope.actor },
      })
      res.json({
        shipment: await reload(req, shipment.id),
        moved_to: result.target ? { location_id: result.target.location_id, name: result.target.name } : null,
        // What went back to the shopper for a line no location had (0 while the payment is only authorized).
        refunded_amount: result.refunded_amount,
      })
    }),
  }
}

/** Staff: their assigned stores, loaded by the /staff middleware. */
export const staffShipments = shipmentHandlers((req) => ({
  location_ids: staffMemberOf(req).location_ids ?? [],
  actor: { type: "staff", id: req.auth_context.actor_id },
}))

/** Merchant (admin user): every location. */
export const adminShipments = shipmentHandlers((req) => ({
  location_ids: null,
  actor: { type: "user", id: req.auth_context.actor_id },
}))
