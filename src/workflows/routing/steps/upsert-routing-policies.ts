import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ROUTING_MODULE } from "../../../modules/routing"
import type { IRoutingModuleService } from "../../../types/modules"
import type { RoutingRule } from "../../../lib/routing"

export type PolicyChange = {
  scope: string
  policy: { enabled?: boolean; rules: RoutingRule[]; priority?: string[] } | null
}

type Previous = { scope: string; enabled: boolean; rules: RoutingRule[]; priority: string[] } | { scope: string; absent: true }

export const upsertRoutingPoliciesStepId = "upsert-routing-policies"

/** Creates, replaces or removes (null) the policy of each scope; the compensation puts back what was there. */
export const upsertRoutingPoliciesStep = createStep(
  upsertRoutingPoliciesStepId,
  async (changes: PolicyChange[], { container }) => {
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    if (!changes.length) return new StepResponse(undefined, [] as Previous[])
    const existing = await routing.listRoutingPolicies({ scope: changes.map((c) => c.scope) })
    const byScope = new Map(existing.map((p) => [p.scope, p]))
    const previous: Previous[] = changes.map((c) => {
      const p = byScope.get(c.scope)
      return p
        ? { scope: c.scope, enabled: p.enabled, rules: p.rules as RoutingRule[], priority: p.priority as string[] }
        : { scope: c.scope, absent: true }
    })
    await apply(routing, byScope, changes)
    return new StepResponse(undefined, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    const routing = container.resolve<IRoutingModuleService>(ROUTING_MODULE)
    const existing = await routing.listRoutingPolicies({ scope: previous.map((p) => p.scope) })
    await apply(
      routing,
      new Map(existing.map((p) => [p.scope, p])),
      previous.map((p) => ({ scope: p.scope, policy: "absent" in p ? null : p }))
    )
  }
)

async function apply(routing: IRoutingModuleService, byScope: Map<string, { id: string }>, changes: PolicyChange[]) {
  const remove = changes.filter((c) => !c.policy && byScope.has(c.scope)).map((c) => byScope.get(c.scope)!.id)
  if (remove.length) await routing.deleteRoutingPolicies(remove)
  for (const c of changes) {
    if (!c.policy) continue
    const data = { enabled: c.policy.enabled ?? true, rules: c.policy.rules, priority: (c.policy.priority ?? []) }
    const found = byScope.get(c.scope)
    if (found) await routing.updateRoutingPolicies({ id: found.id, ...data })
    else await routing.createRoutingPolicies({ scope: c.scope, ...data })
  }
}
