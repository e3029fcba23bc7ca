import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer, ReservationItemDTO } from "@medusajs/framework/types"

export type PlaceReservationsInput = {
  /** where each of the order's line items is to be reserved (its reservations are the ones replaced) */
  placements: { line_item_id: string; location_id: string }[]
  /** per location: its name (for the 409) and the units it must keep free afterwards */
  floors: { location_id: string; name: string; safety_stock: number }[]
}

export type Moved = { created: string[]; removed: string[] }

export const placeReservationsStepId = "place-reservations"

/**
 * Medusa core reserves a new order's items at the first location of the sales
 * channel with stock. A pickup's stock must be held at its store, and a routed
 * delivery's where the routing rules chose, so each reservation elsewhere is
 * replaced: a new reservation at the chosen location (the Inventory Module
 * refuses it if the location lacks the units) and the old one soft-deleted,
 * which gives its location its units back (the two side by side). Not
 * `updateReservationItems({ location_id })`: in Medusa 2.21 that adds the
 * quantity at the new location without taking it off the old one (phantom
 * reserved stock; see docs/ARCHITECTURE.md). Runs under core's inventory lock
 * of those items, so it takes turns with every reservation Medusa makes, then
 * checks no chosen location with a safety stock is below it (409 naming it).
 * Idempotent: reservations already where they belong are left alone.
 */
export const placeReservationsStep = createStep(
  placeReservationsStepId,
  async (input: PlaceReservationsInput, { container }) => {
    const moved = await replaceReservations(container, input)
    return new StepResponse<Moved, Moved | null>(moved, moved.created.length || moved.removed.length ? moved : null)
  },
  async (moved, { container }) => {
    if (!moved) return
    await undoReplacement(container, moved)
  }
)

/**
 * The replacement itself (see placeReservationsStep), for the steps that
 * place reservations: what it created and removed, so a caller can undo
 * exactly that. A failure undoes its own part before it throws.
 */
export async function replaceReservations(container: MedusaContainer, input: PlaceReservationsInput): Promise<Moved> {
  const inventory = container.resolve(Modules.INVENTORY)
  const target = new Map(input.placements.map((p) => [p.line_item_id, p.location_id]))
  if (!target.size) return { created: [], removed: [] }

  const away = (r: ReservationItemDTO) => !!r.line_item_id && r.location_id !== target.get(r.line_item_id)
  const seen = await inventory.listReservationItems({ line_item_id: [...target.keys()] })
  const itemIds = [...new Set(seen.map((r) => r.inventory_item_id))]
  const moved: Moved = { created: [], removed: [] }
  const floors = new Map(input.floors.map((f) => [f.location_id, f]))
  const nameOf = (locationId: string) => floors.get(locationId)?.name ?? locationId

  await container.resolve(Modules.LOCKING).execute(itemIds, async () => {
    // Read again under the lock when something is to move: another replacement of
    // the same lines (a retried checkout, the safety net on order.placed) may have
    // just placed them, and must not be placed twice.
    const reservations = seen.some(away) ? await inventory.listReservationItems({ line_item_id: [...target.keys()] }) : seen
    const elsewhere = reservations.filter(away)
    let current = ""
    try {
      if (elsewhere.length) {
        current = nameOf(target.get(elsewhere[0].line_item_id!)!)
        // Side by side: the new reservations take units at the chosen locations, the old ones give theirs
        // back elsewhere (different levels). Whatever succeeded is recorded, so a failure undoes exactly that.
        const [created, removed] = await Promise.allSettled([
          inventory.createReservationItems(
            elsewhere.map((r) => ({
              line_item_id: r.line_item_id,
              inventory_item_id: r.inventory_item_id,
              location_id: target.get(r.line_item_id!)!,
              quantity: r.quantity,
              allow_backorder: false,
              description: r.description,
              // Not in ReservationItemDTO's type, but on the row.
              external_id: (r as ReservationItemDTO & { external_id?: string | null }).external_id ?? null,
              metadata: r.metadata,
            }))
          ),
          inventory.softDeleteReservationItems(elsewhere.map((r) => r.id)),
        ])
        if (created.status === "fulfilled") moved.created.push(...created.value.map((r) => r.id))
        if (removed.status === "fulfilled") moved.removed.push(...elsewhere.map((r) => r.id))
        if (created.status === "rejected") throw created.reason
        if (removed.status === "rejected") throw removed.reason
      }
      // Every (item, location) now holding one of these reservations with a safety stock: not below it.
      // (Without one, the Inventory Module's own check when reserving is the floor: Medusa's for the
      // reservations it placed, ours for those moved.)
      const held = new Map<string, Set<string>>()
      for (const r of reservations) {
        const loc = target.get(r.line_item_id!)!
        if ((floors.get(loc)?.safety_stock ?? 0) <= 0) continue
        if (!held.has(loc)) held.set(loc, new Set())
        held.get(loc)!.add(r.inventory_item_id)
      }
      for (const [locationId, items] of held) {
        current = nameOf(locationId)
        const levels = await inventory.listInventoryLevels({ inventory_item_id: [...items], location_id: locationId })
        const floor = floors.get(locationId)!.safety_stock
        const short = levels.some((l) => MathBN.lt(MathBN.sub(l.stocked_quantity, l.reserved_quantity), floor))
        if (short || levels.length < items.size) {
          throw new MedusaError(MedusaError.Types.CONFLICT, `Not enough stock at ${current} any more`)
        }
      }
    } catch (e) {
      await undo(container, moved)
      // The Inventory Module's own refusal names ids; the shopper needs the location.
      const err = e as { type?: string; message?: string }
      if (err?.type === MedusaError.Types.NOT_ALLOWED || /not enough stock|not stocked/i.test(err?.message ?? "")) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `Not enough stock at ${current || "the chosen location"} any more`)
      }
      throw e
    }
  })
  return moved
}

/** Undoes a replacement under the items' inventory lock: ours deleted, Medusa's restored. */
export async function undoReplacement(container: MedusaContainer, moved: Moved) {
  const inventory = container.resolve(Modules.INVENTORY)
  const all = await inventory.listReservationItems({ id: [...moved.created] })
  const itemIds = [...new Set(all.map((r) => r.inventory_item_id))]
  await container.resolve(Modules.LOCKING).execute(itemIds.length ? itemIds : ["omnichannel:noop"], () =>
    undo(container, { ...moved })
  )
}

/** Back to core's reservations: ours deleted, theirs restored (each gives or takes its units). */
async function undo(container: MedusaContainer, moved: Moved) {
  const inventory = container.resolve(Modules.INVENTORY)
  if (moved.created.length) await inventory.deleteReservationItems(moved.created)
  if (moved.removed.length) await inventory.restoreReservationItems(moved.removed)
  moved.created = []
  moved.removed = []
}
