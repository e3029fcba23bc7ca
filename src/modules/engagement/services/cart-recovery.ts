import type { Context } from "@medusajs/framework/types"
import { moduleSql } from "../../../shared/module-sql"
import type { AbandonedCartFunnel, FunnelFilter } from "../types"

/**
 * Abandoned carts and their reminders (engagement_abandoned_cart,
 * engagement_cart_reminder): what the reminder run reads and claims, and the
 * funnel the metrics show. Internal to the module: EngagementModuleService injects it.
 */
export class CartRecoveryService {
  /** A shopper's carts that were reminded and not yet recovered, by account or by email (read for every order recorded). */
  async remindedCartsOf(shopper: { customer_id: string | null; email: string | null }, sharedContext: Context) {
    if (!shopper.customer_id && !shopper.email) return []
    return moduleSql(sharedContext).execute<{ id: string; last_reminded_at: Date | null; product_ids: string[] | null }>(
      `select id, last_reminded_at, product_ids from engagement_abandoned_cart
        where deleted_at is null and status = 'reminded' and (customer_id = ? or email = ?)`,
      [shopper.customer_id, shopper.email?.toLowerCase() ?? null]
    )
  }

  /** The latest reminder sent to this shopper for a cart other than this one (the cooldown). */
  async lastReminderToShopper(
    shopper: { email: string; customer_id: string | null; except_cart_id: string },
    sharedContext: Context
  ): Promise<Date | null> {
    const [row] = await moduleSql(sharedContext).execute<{ at: Date | null }>(
      `select max(created_at) as at from engagement_cart_reminder
        where deleted_at is null and kind = 'sent' and cart_id <> ?
          and (email = ? or (?::text is not null and customer_id = ?))`,
      [shopper.except_cart_id, shopper.email.toLowerCase(), shopper.customer_id, shopper.customer_id]
    )
    return row?.at ? new Date(row.at) : null
  }

  /**
   * Takes the next reminder of a cart: only if no other run took it since
   * `expected` reminders were counted (one winner across instances).
   */
  async claimReminder(id: string, expected: number, at: Date, sharedContext: Context): Promise<boolean> {
    const rows = await moduleSql(sharedContext).execute<{ id: string }>(
      `update engagement_abandoned_cart
          set reminders_sent = reminders_sent + 1, last_reminded_at = ?, status = 'reminded', updated_at = now()
        where id = ? and reminders_sent = ? and status in ('pending', 'reminded') and deleted_at is null
        returning id`,
      [at, id, expected]
    )
    return rows.length === 1
  }

  /** The abandoned-cart funnel: carts seen idle, reminded, recovered after a reminder; suppressions by reason. */
  async abandonedCartFunnel(filter: FunnelFilter, sharedContext: Context): Promise<AbandonedCartFunnel> {
    const sql = moduleSql(sharedContext)
    // carts by when they were last changed (the metrics' window)
    const where = [`c.deleted_at is null`]
    const params: unknown[] = []
    const clauses: [string, unknown][] = [
      [`c.last_activity_at >= ?`, filter.since],
      [`c.last_activity_at < ?`, filter.before],
      [`c.sales_channel_id = ?`, filter.sales_channel_id],
    ]
    for (const [clause, value] of clauses) {
      if (value) {
        where.push(clause)
        params.push(value)
      }
    }
    const [[carts], reasons] = await Promise.all([
      sql.execute<{ abandoned: string; reminded: string; recovered: string; reminders: string; suppressed: string }>(
        `select count(*) as abandoned,
                count(*) filter (where c.reminders_sent > 0) as reminded,
                count(*) filter (where c.status = 'recovered') as recovered,
                coalesce(sum(c.reminders_sent), 0) as reminders,
                count(*) filter (where c.status = 'suppressed') as suppressed
           from engagement_abandoned_cart c where ${where.join(" and ")}`,
        params
      ),
      sql.execute<{ reason: string; n: string }>(
        `select r.reason, count(distinct r.abandoned_cart_id) as n
           from engagement_cart_reminder r join engagement_abandoned_cart c on c.id = r.abandoned_cart_id
          where r.deleted_at is null and r.kind = 'suppressed' and ${where.join(" and ")} group by r.reason`,
        params
      ),
    ])
    const reminded = Number(carts?.reminded ?? 0)
    const recovered = Number(carts?.recovered ?? 0)
    return {
      abandoned: Number(carts?.abandoned ?? 0),
      reminded,
      reminders_sent: Number(carts?.reminders ?? 0),
      suppressed: Number(carts?.suppressed ?? 0),
      suppressed_by_reason: Object.fromEntries(reasons.map((r) => [r.reason, Number(r.n)])),
      recovered,
      recovery_rate: reminded ? Math.round((recovered / reminded) * 10000) / 10000 : 0,
    }
  }
}
