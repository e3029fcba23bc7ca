import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type CheckoutLocks = { keys: string[]; owner: string }

export const acquireCheckoutLocksStepId = "acquire-omnichannel-checkout-locks"

const TTL_SECONDS = 60
const WAIT_MS = 60_000

/**
 * Takes every key or none, through the Locking Module (Redis across
 * instances). Core's acquireLockStep is not used for several keys: the Redis
 * provider takes them in parallel and keeps the ones it got when another is
 * busy, so two checkouts holding one key each would wait on each other until
 * the TTL. Here a checkout that misses a key gives back what it took and
 * tries again shortly. Released by core's releaseLockStep with the same
 * owner, or by the compensation when the checkout fails.
 */
export const acquireCheckoutLocksStep = createStep(
  acquireCheckoutLocksStepId,
  async (input: { keys: string[] }, { container }) => {
    const keys = [...new Set(input.keys)].sort()
    const owner = `omnichannel-checkout:${randomUUID()}`
    if (!keys.length) return new StepResponse<CheckoutLocks, CheckoutLocks | null>({ keys, owner }, null)
    const locking = container.resolve(Modules.LOCKING)
    const deadline = Date.now() + WAIT_MS
    for (;;) {
      try {
        await locking.acquire(keys, { ownerId: owner, expire: TTL_SECONDS })
        return new StepResponse<CheckoutLocks, CheckoutLocks | null>({ keys, owner }, { keys, owner })
      } catch {
        await locking.release(keys, { ownerId: owner }).catch(() => {})
        if (Date.now() > deadline) {
          throw new MedusaError(MedusaError.Types.CONFLICT, "The store is busy with other checkouts, please retry")
        }
        await sleep(10 + Math.random() * 40)
      }
    }
  },
  async (held, { container }) => {
    if (!held?.keys.length) return
    await container.resolve(Modules.LOCKING).release(held.keys, { ownerId: held.owner })
  }
)
