import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { findStockDrift, type StockDrift } from "../../../lib/stock-drift"

export type RepairStockDriftInput = {
  /** only these levels (default: every drifted level) */
  level_ids?: string[]
  /** who asked, for the log: "user:usr_…", "script" */
  actor: string
}

export const repairStockDriftStepId = "repair-stock-drift"

async function setReserved(container: MedusaContainer, levels: { level_id: string; reserved: number }[]) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (const l of levels) {
    // The Inventory Module's updateInventoryLevels ignores reserved_quantity
    // (reservations alone should move it), so the repair writes the level.
    await pg.raw(
      `update inventory_level
          set reserved_quantity = ?, raw_reserved_quantity = jsonb_build_object('value', ?::text, 'precision', 20),
              updated_at = now()
        where id = ?`,
      [l.reserved, String(l.reserved), l.level_id]
    )
  }
}

/**
 * Sets each drifted level's reserved quantity to the sum of its live
 * reservations, under Medusa's inventory lock of those items (so no
 * reservation is made or removed meanwhile; the drift is read again inside
 * it), and logs every change. Compensation puts the old figures back.
 */
export const repairStockDriftStep = createStep(
  repairStockDriftStepId,
  async (input: RepairStockDriftInput, { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const seen = await findStockDrift(container)
    const wanted = input.level_ids ? seen.filter((d) => input.level_ids!.includes(d.level_id)) : seen
    if (!wanted.length) return new StepResponse<StockDrift[], StockDrift[]>([], [])

    const itemIds = [...new Set(wanted.map((d) => d.inventory_item_id))]
    const repaired = await container.resolve(Modules.LOCKING).execute(itemIds, async () => {
      const ids = new Set(wanted.map((d) => d.level_id))
      const fresh = (await findStockDrift(container, { inventory_item_ids: itemIds })).filter((d) => ids.has(d.level_id))
      await setReserved(container, fresh.map((d) => ({ level_id: d.level_id, reserved: d.live_reservations })))
      return fresh
    })
    for (const d of repaired) {
      logger.warn(
        `[omnichannel] stock drift repaired by ${input.actor}: ${d.sku ?? d.inventory_item_id} at ${
          d.location_name ?? d.location_id
        } reserved ${d.reserved_quantity} → ${d.live_reservations} (drift ${d.drift > 0 ? "+" : ""}${d.drift})`
      )
    }
    return new StepResponse(repaired, repaired)
  },
  async (repaired, { container }) => {
    if (!repaired?.length) return
    await setReserved(container, repaired.map((d) => ({ level_id: d.level_id, reserved: d.reserved_quantity })))
  }
)
