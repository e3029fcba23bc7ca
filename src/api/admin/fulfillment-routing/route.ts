import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ROUTING_RULES } from "../../../lib/routing"
import { listLocationRouting } from "../../../lib/routing-data"
import { DEFAULT_SCOPE, ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"
import { updateFulfillmentRoutingWorkflow } from "../../../workflows/routing"
import { omnichannelRoute } from "../../utils/own-errors"
import type { AdminUpdateFulfillmentRoutingType } from "./validators"

/** The routing settings as they apply: default and channel policies, every location's part in shipping. */
async function routingView(scope: AuthenticatedMedusaRequest["scope"]) {
  const [policies, channels, locations] = await Promise.all([
    scope.resolve<IRoutingModuleService>(ROUTING_MODULE).listRoutingPolicies({}, { take: null }),
    scope.resolve(Modules.SALES_CHANNEL).listSalesChannels({}, { select: ["id", "name"], take: null }),
    listLocationRouting(scope),
  ])
  const present = (p: (typeof policies)[number]) => ({ enabled: p.enabled, rules: p.rules, priority: p.priority })
  const byScope = new Map(policies.map((p) => [p.scope, p]))
  return {
    rules: ROUTING_RULES,
    default: byScope.has(DEFAULT_SCOPE) ? present(byScope.get(DEFAULT_SCOPE)!) : null,
    channels: channels.map((c) => ({
      sales_channel_id: c.id,
      name: c.name,
      policy: byScope.has(c.id) ? present(byScope.get(c.id)!) : null,
    })),
    locations,
  }
}

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ routing: await routingView(req.scope) })
})

export const POST = omnichannelRoute(
  async (req: AuthenticatedMedusaRequest<AdminUpdateFulfillmentRoutingType>, res: MedusaResponse) => {
    await updateFulfillmentRoutingWorkflow(req.scope).run({ input: req.validatedBody })
    res.json({ routing: await routingView(req.scope) })
  }
)
