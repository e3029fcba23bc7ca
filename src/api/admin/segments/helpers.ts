import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ENGAGEMENT_MODULE } from "../../../modules/engagement"
import type { IEngagementModuleService, SegmentRow } from "../../../types/modules"

export const presentSegment = (s: SegmentRow) => ({
  id: s.id,
  handle: s.handle,
  name: s.name,
  description: s.description ?? null,
  rule: s.rule,
  params: s.params ?? {},
  customer_group_id: s.customer_group_id ?? null,
  member_count: s.member_count ?? 0,
  refreshed_at: s.refreshed_at ?? null,
  created_at: s.created_at,
})

export async function loadSegment(req: AuthenticatedMedusaRequest) {
  const engagement = req.scope.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const [segment] = await engagement.listSegments({ id: req.params.id })
  if (!segment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment ${req.params.id} was not found`)
  return segment
}
