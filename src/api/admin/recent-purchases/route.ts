import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listRecentPurchases, recentPurchasesCsv, sinceDaysAgo } from "../../../lib/recent-purchases"
import { omnichannelRoute } from "../../utils/own-errors"
import type { AdminRecentPurchasesFeedType } from "./validators"

const CSV_PAGE = 500

/**
 * What every customer bought since a date, on every channel (web, app, till),
 * for a marketing tool to leave out of its ads: JSON paged by order, or the
 * whole window (at most a year) as CSV, read in pages up to the moment the
 * export started.
 */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as unknown as AdminRecentPurchasesFeedType
  const since = q.since ?? sinceDaysAgo(30)
  if (q.format === "json") {
    const { purchases, count } = await listRecentPurchases(req.scope, { since, limit: q.limit, offset: q.offset })
    res.json({ since: since.toISOString(), purchases, count, limit: q.limit, offset: q.offset })
    return
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="recent-purchases-${since.toISOString().slice(0, 10)}.csv"`)
  // Pages are read before the first byte is written, so an error is still a proper error response.
  const pages: string[] = []
  const until = new Date()
  for (let offset = 0; ; offset += CSV_PAGE) {
    const { purchases, count } = await listRecentPurchases(req.scope, { since, until, limit: CSV_PAGE, offset })
    const csv = recentPurchasesCsv(purchases)
    pages.push(offset === 0 ? csv : csv.slice(csv.indexOf("\r\n") + 2))
    if (offset + CSV_PAGE >= count) break
  }
  res.status(200).send(pages.join(""))
})
