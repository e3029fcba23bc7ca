import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type { IEngagementModuleService } from "../../../types/modules"
import { RFM_GROUPS, SegmentRule } from "../../../modules/engagement/types"
import { createSegmentWorkflow } from "../../../workflows/engagement"
import { omnichannelRoute } from "../../utils/own-errors"
import { presentSegment } from "./helpers"
import type { AdminCreateSegmentType } from "./validators"

/** Every segment with its member count (as of its last refresh or update), and the rules one can use. */
export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const engagement = req.scope.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const segments = await engagement.listSegments({}, { take: null, order: { created_at: "ASC" } })
  const counts = await engagement.countMembers(segments.map((s) => s.id))
  res.json({
    segments: segments.map((s) => ({ ...presentSegment(s), member_count: counts.get(s.id) ?? 0 })),
    rules: Object.values(SegmentRule),
    rfm_groups: RFM_GROUPS,
  })
})

/** A new segment: its customer group is created and filled before the answer. */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminCreateSegmentType>, res: MedusaResponse) => {
  const { result } = await createSegmentWorkflow(req.scope).run({ input: req.validatedBody })
  const engagement = req.scope.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  res.status(201).json({ segment: presentSegment(await engagement.retrieveSegment(result.id)) })
})
