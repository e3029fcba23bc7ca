import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import crypto from "node:crypto"
import { LOYALTY_MODULE } from "../../../../../../modules/loyalty"
import type { ILoyaltyModuleService } from "../../../../../../types/modules"
import { presentEntry } from "../../../../../../lib/loyalty-present"
import { adjustPointsWorkflow } from "../../../../../../workflows/loyalty/adjust-points"
import type { AdminAdjustPointsType } from "../../../../loyalty/validators"
import { assertCustomer } from "../../../../../utils/customers"
import { omnichannelRoute } from "../../../../../utils/own-errors"

/**
 * A manual correction, recorded with the admin user who made it. Send an
 * Idempotency-Key header to make a retried request add one entry only; the
 * same key with a different adjustment is a 409 (it would otherwise answer
 * the first one as if it were this one).
 */
export const POST = omnichannelRoute(async (req: AuthenticatedMedusaRequest<AdminAdjustPointsType>, res: MedusaResponse) => {
  await assertCustomer(req)
  const key = (req.headers["idempotency-key"] as string | undefined)?.slice(0, 100) || crypto.randomUUID()
  const idempotencyKey = `adjust:${req.params.id}:${key}`
  const [earlier] = await req.scope
    .resolve<ILoyaltyModuleService>(LOYALTY_MODULE)
    .listLoyaltyEntries({ idempotency_key: idempotencyKey })
  if (earlier) {
    const reason = (earlier.metadata as { reason?: string } | null)?.reason
    if (earlier.points !== req.validatedBody.points || reason !== req.validatedBody.reason) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Idempotency-Key ${key} was already used for another adjustment (${earlier.points} points, "${reason ?? ""}"); use a new key`
      )
    }
    res.status(201).json({ entry: presentEntry(earlier) })
    return
  }
  const { result } = await adjustPointsWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      points: req.validatedBody.points,
      reason: req.validatedBody.reason,
      actor_id: req.auth_context.actor_id,
      idempotency_key: idempotencyKey,
    },
  })
  res.status(201).json({ entry: presentEntry(result) })
})
