import type { Context } from "@medusajs/framework/types"
import { moduleSql } from "../../../shared/module-sql"
import { pgArray } from "../../../shared/pg-array"
import type { SegmentToEvaluate } from "../types"

/** A new member row's id, made in SQL (segm_ + a uuid without dashes). */
const NEW_MEMBER_ID = `'segm_' || replace(gen_random_uuid()::text, '-', '')`

/**
 * Segment membership (engagement_segment_member): who the plugin put in each
 * segment's customer group. The unique (segment, customer) row is claimed
 * before the group changes, so concurrent updates never add a member twice.
 * Internal to the module: EngagementModuleService injects it.
 */
export class SegmentMembershipService {
  /** The segments as the evaluation reads them (one plain statement: this runs for every order). */
  async segmentsToEvaluate(segmentIds: string[] | null, sharedContext: Context): Promise<SegmentToEvaluate[]> {
    return moduleSql(sharedContext).execute<SegmentToEvaluate>(
      `select id, rule, params, state, customer_group_id from engagement_segment
        where deleted_at is null and customer_group_id is not null ${segmentIds ? `and id = any(?::text[])` : ""}
        order by created_at, id`,
      segmentIds ? [pgArray(segmentIds)] : []
    )
  }

  /**
   * Claims the changes that bring a segment to `members`, within `scope` or
   * over everyone (null); returns only the rows this call inserted or deleted
   * (run it in a transaction: two statements).
   */
  async claimMembership(
    segmentId: string,
    members: string[],
    scope: string[] | null,
    sharedContext: Context
  ): Promise<{ added: string[]; removed: string[] }> {
    const sql = moduleSql(sharedContext)
    // Within a scope, only its customers may be added, whatever the caller passed.
    if (scope) {
      const inScope = new Set(scope)
      members = members.filter((m) => inScope.has(m))
    }
    const removed = await sql.execute<{ customer_id: string }>(
      `delete from engagement_segment_member m
        where m.segment_id = ? and m.deleted_at is null ${scope ? `and m.customer_id = any(?::text[])` : ""}
          and m.customer_id <> all(?::text[])
        returning m.customer_id`,
      [segmentId, ...(scope ? [pgArray(scope)] : []), pgArray(members)]
    )
    const added = members.length
      ? await sql.execute<{ customer_id: string }>(
          `insert into engagement_segment_member (id, segment_id, customer_id)
           select ${NEW_MEMBER_ID}, ?, x from unnest(?::text[]) as t(x)
           on conflict (segment_id, customer_id) where deleted_at is null do nothing
           returning customer_id`,
          [segmentId, pgArray(members)]
        )
      : []
    return { added: added.map((r) => r.customer_id), removed: removed.map((r) => r.customer_id) }
  }

  /** The same for one customer's membership of many segments at once: one statement (atomic alone). */
  async claimCustomerMemberships(
    customerId: string,
    segments: { segment_id: string; member: boolean }[],
    sharedContext: Context
  ): Promise<{ segment_id: string; added: string[]; removed: string[] }[]> {
    const inIds = segments.filter((s) => s.member).map((s) => s.segment_id)
    const outIds = segments.filter((s) => !s.member).map((s) => s.segment_id)
    const rows = await moduleSql(sharedContext).execute<{ change: "added" | "removed"; segment_id: string }>(
      `with removed as (
         delete from engagement_segment_member
          where customer_id = ? and deleted_at is null and segment_id = any(?::text[])
          returning segment_id
       ), added as (
         insert into engagement_segment_member (id, segment_id, customer_id)
         select ${NEW_MEMBER_ID}, x, ? from unnest(?::text[]) as t(x)
         on conflict (segment_id, customer_id) where deleted_at is null do nothing
         returning segment_id
       )
       select 'removed' as change, segment_id from removed union all select 'added', segment_id from added`,
      [customerId, pgArray(outIds), customerId, pgArray(inIds)]
    )
    const addedSet = new Set(rows.filter((r) => r.change === "added").map((r) => r.segment_id))
    const removedSet = new Set(rows.filter((r) => r.change === "removed").map((r) => r.segment_id))
    return segments
      .filter((s) => addedSet.has(s.segment_id) || removedSet.has(s.segment_id))
      .map((s) => ({
        segment_id: s.segment_id,
        added: addedSet.has(s.segment_id) ? [customerId] : [],
        removed: removedSet.has(s.segment_id) ? [customerId] : [],
      }))
  }

  /** Undoes a claim (the compensation of a membership change whose group update failed). */
  async unclaimMembership(segmentId: string, change: { added: string[]; removed: string[] }, sharedContext: Context) {
    const sql = moduleSql(sharedContext)
    if (change.added.length) {
      await sql.execute(
        `delete from engagement_segment_member where segment_id = ? and deleted_at is null and customer_id = any(?::text[])`,
        [segmentId, pgArray(change.added)]
      )
    }
    if (change.removed.length) {
      await sql.execute(
        `insert into engagement_segment_member (id, segment_id, customer_id)
         select ${NEW_MEMBER_ID}, ?, x from unnest(?::text[]) as t(x)
         on conflict (segment_id, customer_id) where deleted_at is null do nothing`,
        [segmentId, pgArray(change.removed)]
      )
    }
  }

  /** How many members each segment has (0 for a segment without any). */
  async countMembers(segmentIds: string[], sharedContext: Context): Promise<Map<string, number>> {
    const counts = new Map(segmentIds.map((id) => [id, 0]))
    if (!segmentIds.length) return counts
    const rows = await moduleSql(sharedContext).execute<{ segment_id: string; n: string }>(
      `select segment_id, count(*) as n from engagement_segment_member
        where segment_id = any(?::text[]) and deleted_at is null group by segment_id`,
      [pgArray(segmentIds)]
    )
    for (const r of rows) counts.set(r.segment_id, Number(r.n))
    return counts
  }

  /** A page of a segment's members (by customer id) and how many there are. */
  async pageMembers(segmentId: string, limit: number, offset: number, sharedContext: Context) {
    const sql = moduleSql(sharedContext)
    const [rows, [count]] = await Promise.all([
      sql.execute<{ customer_id: string }>(
        `select customer_id from engagement_segment_member where segment_id = ? and deleted_at is null
          order by customer_id limit ? offset ?`,
        [segmentId, limit, offset]
      ),
      sql.execute<{ n: string }>(
        `select count(*) as n from engagement_segment_member where segment_id = ? and deleted_at is null`,
        [segmentId]
      ),
    ])
    return { customer_ids: rows.map((r) => r.customer_id), count: Number(count?.n ?? 0) }
  }

  /** Per customer: the segments (of those given) they are in. */
  async segmentsOf(customerIds: string[], segmentIds: string[], sharedContext: Context): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>()
    if (!customerIds.length || !segmentIds.length) return result
    const rows = await moduleSql(sharedContext).execute<{ customer_id: string; segment_id: string }>(
      `select customer_id, segment_id from engagement_segment_member
        where customer_id = any(?::text[]) and segment_id = any(?::text[]) and deleted_at is null`,
      [pgArray(customerIds), pgArray(segmentIds)]
    )
    for (const r of rows) result.set(r.customer_id, [...(result.get(r.customer_id) ?? []), r.segment_id])
    return result
  }
}
