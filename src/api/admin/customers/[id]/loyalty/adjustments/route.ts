import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import crypto from "node:crypto"
import { presentEntry } from "../../../../../../lib/loyalty-present"
import { adjustPointsWorkflow } from "../../../../../../workflows/loyalty/adjust-points"
import type { AdminAdjustPointsType } from "../../../../loyalty/validators"
import { assertCustomer } from "../helpers"
import { omnichannelRoute } from "../../../../../utils/own-errors"

/**
 * A manual correction, recorded with the admin user who made it. Send an
 * Idempotency-Key header to make a retried request add one entry only.
 */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminAdjustPointsType>, res: MedusaResponse) => {
  await assertCustomer(req)
  const key = (req.headers["idempotency-key"] as string | undefined)?.slice(0, 100) || crypto.randomUUID()
  const { result } = await adjustPointsWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      points: req.validatedBody.points,
      reason: req.validatedBody.reason,
      actor_id: req.auth_context.actor_id,
      idempotency_key: `adjust:${req.params.id}:${key}`,
    },
  })
  res.status(201).json({ entry: presentEntry(result) })
})
