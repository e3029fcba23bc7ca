import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SegmentRule } from "../../../../modules/engagement/types"
import { deleteSegmentWorkflow, updateSegmentWorkflow } from "../../../../workflows/engagement"
import { fieldErrorsOf } from "../../../utils/validate-body"
import { omnichannelRoute } from "../../../utils/own-errors"
import { loadSegment, presentSegment } from "../helpers"
import { parseParams, type AdminUpdateSegmentType } from "../validators"

export const GET = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ segment: presentSegment(await loadSegment(req)) })
})

/** Rename, describe or change the rule's parameters (the rule itself stays: a new rule is a new segment). */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminUpdateSegmentType>, res: MedusaResponse) => {
  const segment = await loadSegment(req)
  const body = req.validatedBody
  let params: Record<string, unknown> | undefined
  if (body.params !== undefined) {
    const parsed = parseParams(segment.rule as SegmentRule, body.params)
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error).map((e) => ({ ...e, path: `params.${e.path}`.replace(/\.$/, "") }))
      res.status(400).json({
        type: "invalid_data",
        message: `Invalid request: ${errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
        errors,
      })
      return
    }
    params = parsed.data as Record<string, unknown>
  }
  await updateSegmentWorkflow(req.scope).run({
    input: {
      id: segment.id,
      name: body.name,
      description: body.description,
      params: params,
      customer_group_id: segment.customer_group_id ?? null,
    },
  })
  res.json({ segment: presentSegment(await loadSegment(req)) })
})

/** The segment and its customer group. */
export const DELETE = omnichannelRoute(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const segment = await loadSegment(req)
  await deleteSegmentWorkflow(req.scope).run({
    input: { id: segment.id, customer_group_id: segment.customer_group_id ?? null },
  })
  res.json({ id: segment.id, object: "segment", deleted: true })
})
