import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import type { PickupActor } from "../../../modules/pickup/types"

// Shared with the HTTP layer (its 429), so the pickup module owns it; re-exported for the workflow's importers.
import { TooManyCodeAttemptsError } from "../../../modules/pickup/errors"
export { TooManyCodeAttemptsError }

export type VerifyPickupCodeInput = {
  location_id: string
  actor: PickupActor
  code: string
  /** at hand-over: the code must be this pickup's, and wrong codes count against it too */
  pickup_id?: string
}

/**
 * Finds the pickup of a store matching a typed code, under the store's code
 * lock so that concurrent guesses are counted before they are checked. Wrong
 * codes are recorded (without the code) and limited over a sliding window per
 * staff member at the store, per store and per pickup; over a limit every
 * attempt, right or wrong, is a 429 until the window frees up.
 */
async function matchPickupCode(container: MedusaContainer, input: VerifyPickupCodeInput) {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const locking = container.resolve(Modules.LOCKING)
  const limits = service.codeAttemptLimits
  const actorId = `${input.actor.type}:${input.actor.id}`

  return await locking.execute(`omnichannel:codes:${input.location_id}`, async () => {
    const now = Date.now()
    const windowMs = limits.window_minutes * 60_000
    const since = new Date(now - windowMs)
    const attempts = await service.listPickupCodeAttempts(
      { location_id: input.location_id, created_at: { $gte: since } },
      { select: ["actor_id", "pickup_id", "created_at"], order: { created_at: "ASC" } }
    )
    const retryAfter = (rows: typeof attempts, max: number) =>
      rows.length >= max ? new Date(rows[rows.length - max].created_at).getTime() + windowMs - now : 0
    const wait = Math.max(
      retryAfter(attempts, limits.per_store),
      retryAfter(attempts.filter((a) => a.actor_id === actorId), limits.per_staff),
      input.pickup_id ? retryAfter(attempts.filter((a) => a.pickup_id === input.pickup_id), limits.per_pickup) : 0
    )
    if (wait > 0) {
      throw new TooManyCodeAttemptsError(Math.max(1, Math.ceil(wait / 1000)))
    }

    const filters: Record<string, unknown> = { location_id: input.location_id, code_hash: service.codeHashCandidates(input.code) }
    if (input.pickup_id) filters.id = input.pickup_id
    const [pickup] = await service.listPickupOrders(filters)
    if (!pickup) {
      await service.createPickupCodeAttempts({
        location_id: input.location_id,
        actor_id: actorId,
        pickup_id: input.pickup_id ?? null,
      })
      throw input.pickup_id
        ? new MedusaError(MedusaError.Types.INVALID_DATA, "code: does not match this pickup")
        : new MedusaError(MedusaError.Types.NOT_FOUND, "No pickup with that code at this store")
    }
    return pickup
  })
}

export const verifyPickupCodeStepId = "verify-pickup-code"

/**
 * The code check as a step, first in collectPickupWorkflow (a caller of the
 * exported workflow cannot hand an order over without it) and in
 * verifyPickupCodeWorkflow. No compensation on purpose: a wrong code stays
 * counted even though the workflow fails, or the limits would count nothing.
 */
export const verifyPickupCodeStep = createStep(verifyPickupCodeStepId, async (input: VerifyPickupCodeInput, { container }) => {
  const pickup = await matchPickupCode(container, input)
  return new StepResponse(pickup)
})
