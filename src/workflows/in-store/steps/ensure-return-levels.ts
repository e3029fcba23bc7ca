import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const ensureReturnLevelsStepId = "ensure-return-levels"

/**
 * A shop may take back an item it never stocked (bought online, shipped from
 * the warehouse): Medusa receives a return only at a location with a level
 * for the item, so the level is created at this store (0 on hand; the receipt
 * then adds what goes back on the shelf). Compensation removes exactly the
 * levels this step created.
 */
export const ensureReturnLevelsStep = createStep(
  ensureReturnLevelsStepId,
  async (input: { location_id: string; inventory_item_ids: string[] }, { container }) => {
    if (!input.inventory_item_ids.length) return new StepResponse([] as string[], [] as string[])
    const inventory = container.resolve(Modules.INVENTORY)
    const existing = await inventory.listInventoryLevels(
      { location_id: input.location_id, inventory_item_id: input.inventory_item_ids },
      { select: ["inventory_item_id"] }
    )
    const have = new Set(existing.map((l) => l.inventory_item_id))
    const missing = input.inventory_item_ids.filter((id) => !have.has(id))
    if (!missing.length) return new StepResponse([] as string[], [] as string[])
    const created = await inventory.createInventoryLevels(
      missing.map((inventory_item_id) => ({ inventory_item_id, location_id: input.location_id, stocked_quantity: 0 }))
    )
    const ids = created.map((l) => l.id)
    return new StepResponse(ids, ids)
  },
  async (created, { container }) => {
    if (!created?.length) return
    await container.resolve(Modules.INVENTORY).deleteInventoryLevels(created)
  }
)
