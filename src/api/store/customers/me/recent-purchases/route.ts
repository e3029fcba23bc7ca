import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { distinctProducts, listRecentPurchases, sinceDaysAgo } from "../../../../../lib/recent-purchases"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { RecentPurchasesQueryType } from "../../../../admin/recent-purchases/validators"

/**
 * The products the signed-in shopper bought in the last `days` on any
 * channel (the till included), each once with when it was last bought: a
 * storefront leaves them out of its recommendations.
 */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as unknown as RecentPurchasesQueryType
  const since = sinceDaysAgo(q.days)
  const { purchases, count } = await listRecentPurchases(req.scope, { customer_id: req.auth_context.actor_id, since, limit: q.limit, offset: q.offset })
  res.json({ days: q.days, since: since.toISOString(), products: distinctProducts(purchases), orders: count, limit: q.limit, offset: q.offset })
})
