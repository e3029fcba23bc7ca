import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subHours } from "date-fns"
import { classifyShippingOptions } from "../lib/pickup-options"
import { ensurePickupPlacedWorkflow } from "../workflows/checkout/ensure-pickup-placed"

const WINDOW_HOURS = 48

/**
 * The safety net's second pass (an order.placed missed while a process was
 * down, a draft order converted without the event): the pickup orders of
 * the last two days, each put right if it is not whole. Idempotent, safe on
 * several instances (the workflow works under the items' locks).
 */
export async function processStrayPickups(container: MedusaContainer, now = new Date()) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "shipping_methods.shipping_option_id"],
    filters: { created_at: { $gte: subHours(now, WINDOW_HOURS) }, status: { $ne: "canceled" } },
  })
  type Row = { id: string; shipping_methods: ({ shipping_option_id: string | null } | null)[] | null }
  const orders = data as unknown as Row[]
  const kinds = await classifyShippingOptions(
    container,
    orders.flatMap((o) => (o.shipping_methods ?? []).flatMap((m) => (m?.shipping_option_id ? [m.shipping_option_id] : [])))
  )
  const pickups = orders.filter((o) => (o.shipping_methods ?? []).some((m) => kinds.get(m?.shipping_option_id ?? "")?.kind === "pickup"))
  const placed: string[] = []
  const failed: { order_id: string; message: string }[] = []
  for (const o of pickups) {
    try {
      const { result } = await ensurePickupPlacedWorkflow(container).run({ input: { order_id: o.id } })
      if (result.created) placed.push(o.id)
    } catch (e) {
      failed.push({ order_id: o.id, message: (e as Error).message })
    }
  }
  if (failed.length) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Pickup safety net: ${failed.length} order(s) not put right: ${JSON.stringify(failed)}`)
  }
  return { checked: pickups.length, placed, failed }
}

export default async function pickupSafetyNetJob(container: MedusaContainer) {
  await processStrayPickups(container)
}

export const config = { name: "omnichannel-pickup-safety-net", schedule: "17 * * * *" }
