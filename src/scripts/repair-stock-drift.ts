import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { findStockDrift } from "../lib/stock-drift"
import { repairStockDriftWorkflow } from "../workflows/inventory"

/**
 * Lists inventory levels whose reserved quantity differs from their live
 * reservations, then repairs them (each change logged):
 *   npx medusa exec ./node_modules/medusa-plugin-omnichannel/.medusa/server/src/scripts/repair-stock-drift.js
 * With `--dry-run` after the path it only lists them.
 */
export default async function repairStockDrift({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const drift = await findStockDrift(container)
  if (!drift.length) {
    logger.info("[omnichannel] stock drift: none, every inventory level matches its reservations")
    return
  }
  for (const d of drift) {
    logger.info(
      `[omnichannel] stock drift: ${d.sku ?? d.inventory_item_id} at ${d.location_name ?? d.location_id}: reserved ${
        d.reserved_quantity
      }, live reservations ${d.live_reservations}`
    )
  }
  if ((args ?? []).includes("--dry-run")) {
    logger.info(`[omnichannel] stock drift: ${drift.length} level(s), dry run, nothing changed`)
    return
  }
  const { result } = await repairStockDriftWorkflow(container).run({ input: { actor: "script" } })
  logger.info(`[omnichannel] stock drift: ${result.length} level(s) repaired`)
}
