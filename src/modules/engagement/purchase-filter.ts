import { pgArray } from "../../shared/pg-array"
import type { PurchaseFilter } from "./types"

/** A where clause over `engagement_purchase p` and its bound parameters, in order. */
export type Where = { where: string[]; params: unknown[] }

/** What a filter adds to "standing": its window, channel, currency and products. */
export function narrowing(filter: PurchaseFilter): Where {
  const where: string[] = []
  const params: unknown[] = []
  const clauses: [string, unknown][] = [
    [`p.placed_at >= ?`, filter.since],
    [`p.placed_at < ?`, filter.before],
    [`p.sales_channel_id = ?`, filter.sales_channel_id],
    [`p.currency_code = ?`, filter.currency_code?.toLowerCase()],
    [`p.product_ids && ?::text[]`, filter.product_ids ? pgArray(filter.product_ids) : null],
  ]
  for (const [clause, value] of clauses) {
    if (value) {
      where.push(clause)
      params.push(value)
    }
  }
  return { where, params }
}

/** The where clause of standing (not canceled) purchases of customers under a filter. */
export function standing(filter: PurchaseFilter): { where: string; params: unknown[] } {
  const where = [`p.deleted_at is null`, `p.canceled_at is null`, `p.customer_id is not null`]
  const params: unknown[] = []
  if (filter.customer_ids) {
    where.push(`p.customer_id = any(?::text[])`)
    params.push(pgArray(filter.customer_ids))
  }
  const narrowed = narrowing(filter)
  return { where: [...where, ...narrowed.where].join(" and "), params: [...params, ...narrowed.params] }
}
