import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer, ReservationItemDTO } from "@medusajs/framework/types"

export type ReserveAtPickupStoreInput = {
  /** the order's line items (their reservations are the ones moved) */
  line_item_ids: string[]
  location_id: string
  store_name: string
  safety_stock: number
}

type Moved = { created: string[]; removed: string[] }

export const reserveAtPickupStoreStepId = "reserve-at-pickup-store"

/**
 * Medusa core reserves a new order's items at the first location of the sales
 * channel with stock. A pickup's stock must be held at its store, so each
 * reservation elsewhere is replaced: a new reservation at the store (the
 * Inventory Module refuses it if the store lacks the units) and the old one
 * soft-deleted, which gives its location its units back. Not
 * `updateReservationItems({ location_id })`: in Medusa 2.21 that adds the
 * quantity at the new location without taking it off the old one (phantom
 * reserved stock; see docs/ARCHITECTURE.md). Runs under core's inventory lock
 * of those items, so it takes turns with every reservation Medusa makes, then
 * checks the store is still not below its safety stock (409).
 * Idempotent: reservations already at the store are left alone.
 */
export const reserveAtPickupStoreStep = createStep(
  reserveAtPickupStoreStepId,
  async (input: ReserveAtPickupStoreInput, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const lineItemIds = input.line_item_ids
    if (!lineItemIds.length) return new StepResponse<Moved, Moved | null>({ created: [], removed: [] }, null)

    const reservations = await inventory.listReservationItems({ line_item_id: lineItemIds })
    const itemIds = [...new Set(reservations.map((r) => r.inventory_item_id))]
    const moved: Moved = { created: [], removed: [] }

    await container.resolve(Modules.LOCKING).execute(itemIds, async () => {
      const elsewhere = reservations.filter((r) => r.location_id !== input.location_id)
      try {
        if (elsewhere.length) {
          const created = await inventory.createReservationItems(
            elsewhere.map((r) => ({
              line_item_id: r.line_item_id,
              inventory_item_id: r.inventory_item_id,
              location_id: input.location_id,
              quantity: r.quantity,
              allow_backorder: false,
              description: r.description,
              // Not in ReservationItemDTO's type, but on the row.
              external_id: (r as ReservationItemDTO & { external_id?: string | null }).external_id ?? null,
              metadata: r.metadata,
            }))
          )
          moved.created.push(...created.map((r) => r.id))
          await inventory.softDeleteReservationItems(elsewhere.map((r) => r.id))
          moved.removed.push(...elsewhere.map((r) => r.id))
        }
        const levels = await inventory.listInventoryLevels({ inventory_item_id: itemIds, location_id: input.location_id })
        const short = levels.some((l) =>
          MathBN.lt(MathBN.sub(l.stocked_quantity, l.reserved_quantity), input.safety_stock)
        )
        if (short || levels.length < itemIds.length) {
          throw new MedusaError(MedusaError.Types.CONFLICT, `Not enough stock at ${input.store_name} any more`)
        }
      } catch (e) {
        await undo(container, moved)
        // The Inventory Module's own refusal names ids; the shopper needs the store.
        const err = e as { type?: string; message?: string }
        if (err?.type === MedusaError.Types.NOT_ALLOWED || /not enough stock|not stocked/i.test(err?.message ?? "")) {
          throw new MedusaError(MedusaError.Types.CONFLICT, `Not enough stock at ${input.store_name} any more`)
        }
        throw e
      }
    })
    return new StepResponse<Moved, Moved | null>(moved, moved)
  },
  async (moved, { container }) => {
    if (!moved) return
    const inventory = container.resolve(Modules.INVENTORY)
    const all = await inventory.listReservationItems({ id: [...moved.created] })
    const itemIds = [...new Set(all.map((r) => r.inventory_item_id))]
    await container.resolve(Modules.LOCKING).execute(itemIds.length ? itemIds : ["omnichannel:noop"], () =>
      undo(container, moved)
    )
  }
)

/** Back to core's reservations: ours deleted, theirs restored (each gives or takes its units). */
async function undo(container: MedusaContainer, moved: Moved) {
  const inventory = container.resolve(Modules.INVENTORY)
  if (moved.created.length) await inventory.deleteReservationItems(moved.created)
  if (moved.removed.length) await inventory.restoreReservationItems(moved.removed)
  moved.created = []
  moved.removed = []
}
