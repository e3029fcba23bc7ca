import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type EngagementModuleService from "../../../modules/engagement/service"

export type MembershipTarget = {
  segment_id: string
  customer_group_id: string
  members: string[]
}

type Applied = { segment_id: string; customer_group_id: string; added: string[]; removed: string[] }

const BATCH = 1000

async function changeGroup(
  container: { resolve: (k: string) => any },
  groupId: string,
  add: string[],
  remove: string[]
) {
  const customers = container.resolve(Modules.CUSTOMER)
  for (let i = 0; i < remove.length; i += BATCH) {
    await customers.removeCustomerFromGroup(
      remove.slice(i, i + BATCH).map((customer_id) => ({ customer_id, customer_group_id: groupId }))
    )
  }
  for (let i = 0; i < add.length; i += BATCH) {
    await customers.addCustomerToGroup(
      add.slice(i, i + BATCH).map((customer_id) => ({ customer_id, customer_group_id: groupId }))
    )
  }
}

/**
 * Brings each segment's customer group to its members: everyone (`scope`
 * null) or only the customers in `scope`. The changes are claimed first in
 * the segment's member table (unique per customer), so of two instances
 * making the same change only one touches the group; the compensation
 * reverses both the groups and the claims.
 */
export const applySegmentMembershipStep = createStep(
  "apply-omnichannel-segment-membership",
  async (input: { targets: MembershipTarget[]; scope: string[] | null }, { container }) => {
    const engagement = container.resolve<EngagementModuleService>(ENGAGEMENT_MODULE)
    const applied: Applied[] = []
    try {
      if (input.scope?.length === 1) {
        // One customer (an incremental update): every segment claimed in one statement each way.
        const customerId = input.scope[0]
        const groups = new Map(input.targets.map((t) => [t.segment_id, t.customer_group_id]))
        const changes = await engagement.claimCustomerMemberships(
          customerId,
          input.targets.map((t) => ({ segment_id: t.segment_id, member: t.members.includes(customerId) }))
        )
        for (const c of changes) applied.push({ ...c, customer_group_id: groups.get(c.segment_id)! })
        const customers = container.resolve(Modules.CUSTOMER)
        const pairs = (key: "added" | "removed") =>
          applied.filter((a) => a[key].length).map((a) => ({ customer_id: customerId, customer_group_id: a.customer_group_id }))
        if (pairs("removed").length) await customers.removeCustomerFromGroup(pairs("removed"))
        if (pairs("added").length) await customers.addCustomerToGroup(pairs("added"))
      }
      for (const t of input.scope?.length === 1 ? [] : input.targets) {
        const change = await engagement.claimMembership(t.segment_id, t.members, input.scope)
        applied.push({ segment_id: t.segment_id, customer_group_id: t.customer_group_id, ...change })
        await changeGroup(container, t.customer_group_id, change.added, change.removed)
      }
    } catch (e) {
      await undo(container, applied)
      throw e
    }
    const summary = applied.map((a) => ({ segment_id: a.segment_id, added: a.added.length, removed: a.removed.length }))
    return new StepResponse(summary, applied)
  },
  async (applied, { container }) => {
    if (applied?.length) await undo(container, applied)
  }
)

async function undo(container: { resolve: (k: string) => any }, applied: Applied[]) {
  const engagement = container.resolve(ENGAGEMENT_MODULE) as EngagementModuleService
  for (const a of [...applied].reverse()) {
    await changeGroup(container, a.customer_group_id, a.removed, a.added)
    await engagement.unclaimMembership(a.segment_id, a)
  }
}
