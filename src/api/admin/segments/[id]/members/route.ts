import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pageSegmentMembers, segmentMembersCsv } from "../../../../../lib/segment-members"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { AdminSegmentMembersType } from "../../validators"
import { loadSegment } from "../../helpers"

const CSV_PAGE = 1000

/**
 * A segment's members: a JSON page, or every member as CSV for a marketing
 * tool (email, name, channels, last order, lifetime spend, RFM group).
 */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const segment = await loadSegment(req)
  const q = req.validatedQuery as unknown as AdminSegmentMembersType
  if (q.format === "json") {
    const { members, count } = await pageSegmentMembers(req.scope, segment.id, q.limit, q.offset)
    res.json({ members, count, limit: q.limit, offset: q.offset })
    return
  }
  // Read whole before the first byte, so an error is still a proper error response.
  const pages: string[] = []
  for (let offset = 0; ; offset += CSV_PAGE) {
    const { members, count } = await pageSegmentMembers(req.scope, segment.id, CSV_PAGE, offset)
    pages.push(segmentMembersCsv(members, offset === 0))
    if (offset + CSV_PAGE >= count) break
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="segment-${segment.handle}.csv"`)
  res.status(200).send(pages.join(""))
})
