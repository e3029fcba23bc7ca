import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshSegmentsWorkflow } from "../../../../../workflows/engagement"
import { omnichannelRoute } from "../../../../utils/own-errors"
import { loadSegment, presentSegment } from "../../helpers"

/** Re-evaluates one segment over every customer now (the nightly job does all of them). */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const segment = await loadSegment(req)
  const { result } = await refreshSegmentsWorkflow(req.scope).run({ input: { segment_ids: [segment.id] } })
  res.json({ segment: presentSegment(await loadSegment(req)), changes: result })
})
