import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listRecentPurchases, sinceDaysAgo } from "../../../../../lib/recent-purchases"
import { assertCustomer } from "../../../../utils/customers"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { RecentPurchasesQueryType } from "../../../recent-purchases/validators"

/** What one customer bought in the last `days`, on every channel, newest first (404 for an unknown customer). */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await assertCustomer(req)
  const q = req.validatedQuery as unknown as RecentPurchasesQueryType
  const since = sinceDaysAgo(q.days)
  const { purchases, count } = await listRecentPurchases(req.scope, { customer_id: req.params.id, since, limit: q.limit, offset: q.offset })
  res.json({ customer_id: req.params.id, days: q.days, since: since.toISOString(), purchases, count, limit: q.limit, offset: q.offset })
})
