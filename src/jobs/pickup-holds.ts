import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addDays } from "date-fns"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService } from "../types/modules"
import { PickupStatus } from "../modules/pickup/types"
import { cancelPickupWorkflow } from "../workflows/pickup-desk/cancel-pickup"
import { remindPickupExpiringWorkflow } from "../workflows/pickup-desk/remind-pickup-expiring"

const HELD = [PickupStatus.READY, PickupStatus.PARTIALLY_READY]
const BATCH = 200

export type PickupHoldsResult = { reminded: string[]; expired: string[]; failed: { id: string; message: string }[] }

/**
 * The hold-period job's work at `now` (a parameter so tests control the
 * clock): reads what is due, and each change is a workflow. Safe on several
 * instances at once: a reminder is claimed with a conditional update (one
 * winner), and expiry is a status transition under the pickup's row lock
 * (the loser gets a 409 and skips it). Each happens once.
 */
export async function processPickupHolds(container: MedusaContainer, now = new Date()): Promise<PickupHoldsResult> {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result: PickupHoldsResult = { reminded: [], expired: [], failed: [] }

  // 1. Reminder one day before the hold ends.
  const remind = await service.listPickupOrders(
    { status: HELD, reminder_sent_at: null, expires_at: { $lte: addDays(now, 1), $gt: now } },
    { select: ["id"], take: BATCH, order: { expires_at: "ASC" } }
  )
  for (const { id } of remind) {
    const { result: claimed } = await remindPickupExpiringWorkflow(container).run({ input: { pickup_id: id, now } })
    if (claimed) result.reminded.push(id)
  }

  // 2. Expiry once the hold is over: order canceled, stock released, payment voided or refunded.
  const due = await service.listPickupOrders(
    { status: HELD, expires_at: { $lte: now } },
    { select: ["id"], take: BATCH, order: { expires_at: "ASC" } }
  )
  for (const { id } of due) {
    try {
      await cancelPickupWorkflow(container).run({
        input: {
          pickup_id: id,
          reason: "Not collected within the hold period",
          actor: { type: "system", id: null },
          expire: true,
        },
      })
      result.expired.push(id)
    } catch (e) {
      const err = (e ?? {}) as { type?: string; message: string }
      if (err.type === MedusaError.Types.CONFLICT) continue // collected, canceled or expired elsewhere meanwhile
      logger.error(`pickup-holds: could not expire ${id}: ${err.message}`)
      result.failed.push({ id, message: err.message })
    }
  }
  return result
}

/** Reminds shoppers a day before a ready order's hold ends, and expires it when it does. */
export default async function pickupHoldsJob(container: MedusaContainer) {
  await processPickupHolds(container, new Date())
}

export const config = {
  name: "omnichannel-pickup-holds",
  schedule: "*/5 * * * *",
}
