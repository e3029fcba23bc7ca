import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type { IEngagementModuleService } from "../../../types/modules"
import { omnichannelRoute } from "../../utils/own-errors"
import type { AdminAbandonedCartsType } from "./validators"

/**
 * Carts the reminder job has seen, newest change first, with what happened
 * to each (reminders sent, suppressed and why, recovered by which order),
 * and the funnel over all of them: abandoned → reminded → recovered, and the
 * suppressions by reason.
 */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as unknown as AdminAbandonedCartsType
  const engagement = req.scope.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const [[carts, count], funnel] = await Promise.all([
    engagement.listAndCountAbandonedCarts(q.status ? { status: q.status } : {}, {
      take: q.limit,
      skip: q.offset,
      order: { last_activity_at: "DESC", id: "DESC" },
    }),
    engagement.abandonedCartFunnel(),
  ])
  const reminders = carts.length
    ? await engagement.listCartReminders({ abandoned_cart_id: carts.map((c) => c.id) }, { order: { created_at: "ASC" }, take: null })
    : []
  res.json({
    carts: carts.map((c) => ({
      id: c.id,
      cart_id: c.cart_id,
      customer_id: c.customer_id,
      email: c.email,
      sales_channel_id: c.sales_channel_id,
      last_activity_at: c.last_activity_at,
      status: c.status,
      reminders_sent: c.reminders_sent,
      last_reminded_at: c.last_reminded_at,
      suppressed_reason: c.suppressed_reason,
      recovered_at: c.recovered_at,
      recovered_order_id: c.recovered_order_id,
      history: reminders
        .filter((r) => r.abandoned_cart_id === c.id)
        .map((r) => ({ kind: r.kind, sequence: r.sequence, reason: r.reason, at: r.created_at })),
    })),
    count,
    limit: q.limit,
    offset: q.offset,
    funnel,
  })
})
