import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subDays, subHours } from "date-fns"
import { listIdleCarts } from "../lib/idle-carts"
import { ENGAGEMENT_MODULE } from "../modules/engagement"
import type { IEngagementModuleService } from "../types/modules"
import { remindAbandonedCartWorkflow } from "../workflows/engagement"

/**
 * Every 15 minutes: each open cart with items and an email, idle longer than
 * the shortest delay set and changed within `within_days`, gets its turn
 * (remindAbandonedCartWorkflow decides per cart and channel). Safe on several
 * instances: a reminder is claimed by one run only and sent once per key.
 */
export default async function abandonedCartsJob(container: MedusaContainer, context?: { scheduledFor?: Date | string }) {
  // Medusa's job loader passes { scheduledFor } (the tick this run is for).
  const now = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  const engagement = container.resolve<IEngagementModuleService>(ENGAGEMENT_MODULE)
  const settings = engagement.abandonedCartSettings
  if (!settings.enabled) return { carts: 0, failed: [] }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const shortest = Math.min(settings.delay_hours, ...Object.values(settings.channel_delay_hours))
  const carts = await listIdleCarts(container, {
    idleSince: subHours(now, shortest),
    notBefore: subDays(now, settings.within_days),
  })
  const failed: { cart_id: string; message: string }[] = []
  for (const cart of carts) {
    const { errors } = await remindAbandonedCartWorkflow(container).run({
      input: { cart, now },
      throwOnError: false,
    })
    if (errors?.length) {
      const message = String(errors[0].error?.message ?? errors[0].error)
      failed.push({ cart_id: cart.id, message })
      logger.warn(`Abandoned cart ${cart.id}: ${message}`)
    }
  }
  return { carts: carts.length, failed }
}

export const config = { name: "omnichannel-abandoned-carts", schedule: "*/15 * * * *" }
