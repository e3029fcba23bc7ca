import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../../modules/engagement"
import type { IEngagementModuleService } from "../../types/modules"

// Shared by steps/apply-segment-membership.ts (the full refresh) and steps/update-customer-segments.ts (one customer's change).

export type MembershipTarget = {
  segment_id: string
  customer_group_id: string
  members: string[]
}

export const segmentCustomerLock = (customerId: string) => `omnichannel:segments:customer:${customerId}`

export type Applied = { segment_id: string; customer_group_id: string; added: string[]; removed: string[] }

const BATCH = 1000

async function changeGroup(
  container: MedusaContainer,
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
 * making the same change only one touches the group. On failure what was
 * already changed is reversed; the result is what to reverse later.
 */
export async function applySegmentMembership(
  container: MedusaContainer,
  input: { targets: MembershipTarget[]; scope: string[] | null }
): Promise<Applied[]> {
  const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const applied: Applied[] = []
  try {
    if (input.scope?.length === 1) {
      // One customer (an incremental update): every segment claimed in one statement.
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
    await undoMembership(container, applied)
    throw e
  }
  return applied
}

export const summarize = (applied: Applied[]) =>
  applied.map((a) => ({ segment_id: a.segment_id, added: a.added.length, removed: a.removed.length }))

/** Reverses applied changes, last first: the groups, then the claims. */
export async function undoMembership(container: MedusaContainer, applied: Applied[]) {
  const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  for (const a of [...applied].reverse()) {
    await changeGroup(container, a.customer_group_id, a.removed, a.added)
    await engagement.unclaimMembership(a.segment_id, a)
  }
}
