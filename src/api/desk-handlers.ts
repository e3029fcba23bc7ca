import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  listDeskPickups,
  presentDeskPickup,
  retrievePickupInScope,
  type DeskListQuery,
  type DeskScope,
  assertStoreInScope,
} from "../lib/pickup-desk"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService } from "../types/modules"
import {
  cancelPickupWorkflow,
  collectPickupWorkflow,
  verifyPickupCodeWorkflow,
  markPickupReadyWorkflow,
  preparePickupWorkflow,
} from "../workflows/pickup-desk"
import type {
  DeskCancelType,
  DeskCollectType,
  DeskMarkReadyType,
  DeskVerifyType,
} from "./staff/validators"
import { staffMemberOf } from "./staff/middlewares"
import { omnichannelRoute } from "./utils/own-errors"

type Req<B = unknown> = AuthenticatedMedusaRequest<B>

/**
 * The pickup desk's routes, shared by store staff (/staff/pickups, scoped to
 * their stores) and merchants (/admin/pickups, every store). `scopeOf` says
 * who is acting and what they may see.
 */
export function deskHandlers(scopeOf: (req: Req<unknown>) => DeskScope) {
  const reload = async (req: Req<unknown>, id: string) => {
    const service: IPickupModuleService = req.scope.resolve(PICKUP_MODULE)
    const [pickup] = await service.listPickupOrders({ id })
    return presentDeskPickup(req.scope, pickup)
  }

  const handlers = {
    list: async (req: Req, res: MedusaResponse) => {
      // DeskListPickups checked each status is a PickupStatus.
      res.json(await listDeskPickups(req.scope, scopeOf(req), req.validatedQuery as DeskListQuery))
    },

    retrieve: async (req: Req, res: MedusaResponse) => {
      const pickup = await retrievePickupInScope(req.scope, scopeOf(req), req.params.id)
      res.json({ pickup: await presentDeskPickup(req.scope, pickup) })
    },

    prepare: async (req: Req, res: MedusaResponse) => {
      const scope = scopeOf(req)
      const pickup = await retrievePickupInScope(req.scope, scope, req.params.id)
      await preparePickupWorkflow(req.scope).run({ input: { pickup_id: pickup.id, actor: scope.actor } })
      res.json({ pickup: await reload(req, pickup.id) })
    },

    ready: async (req: Req<DeskMarkReadyType>, res: MedusaResponse) => {
      const scope = scopeOf(req)
      const pickup = await retrievePickupInScope(req.scope, scope, req.params.id)
      await markPickupReadyWorkflow(req.scope).run({
        input: {
          pickup_id: pickup.id,
          items: req.validatedBody.items ?? null,
          actor: scope.actor,
        },
      })
      res.json({ pickup: await reload(req, pickup.id) })
    },

    verify: async (req: Req<DeskVerifyType>, res: MedusaResponse) => {
      const scope = scopeOf(req)
      assertStoreInScope(scope, req.validatedBody.location_id)
      const { result: pickup } = await verifyPickupCodeWorkflow(req.scope).run({
        input: { location_id: req.validatedBody.location_id, actor: scope.actor, code: req.validatedBody.code },
      })
      res.json({ pickup: await presentDeskPickup(req.scope, pickup) })
    },

    collect: async (req: Req<DeskCollectType>, res: MedusaResponse) => {
      const scope = scopeOf(req)
      const pickup = await retrievePickupInScope(req.scope, scope, req.params.id)
      await collectPickupWorkflow(req.scope).run({
        input: {
          pickup_id: pickup.id,
          actor: scope.actor,
          code: req.validatedBody.code,
          collected_by: req.validatedBody.collected_by ?? null,
        },
      })
      res.json({ pickup: await reload(req, pickup.id) })
    },

    cancel: async (req: Req<DeskCancelType>, res: MedusaResponse) => {
      const scope = scopeOf(req)
      const pickup = await retrievePickupInScope(req.scope, scope, req.params.id)
      await cancelPickupWorkflow(req.scope).run({
        input: { pickup_id: pickup.id, reason: req.validatedBody.reason, actor: scope.actor },
      })
      res.json({ pickup: await reload(req, pickup.id) })
    },
  }
  return {
    list: omnichannelRoute(handlers.list),
    retrieve: omnichannelRoute(handlers.retrieve),
    prepare: omnichannelRoute(handlers.prepare),
    ready: omnichannelRoute(handlers.ready),
    verify: omnichannelRoute(handlers.verify),
    collect: omnichannelRoute(handlers.collect),
    cancel: omnichannelRoute(handlers.cancel),
  }
}

/** Staff: their assigned stores, loaded by the /staff middleware. */
export const staffDesk = deskHandlers((req) => ({
  location_ids: staffMemberOf(req).location_ids ?? [],
  actor: { type: "staff", id: req.auth_context.actor_id },
}))

/** Merchant (admin user): every store. */
export const adminDesk = deskHandlers((req) => ({
  location_ids: null,
  actor: { type: "user", id: req.auth_context.actor_id },
}))
