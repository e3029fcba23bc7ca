import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ACTIVE_PICKUP_STATUSES } from "../../modules/pickup/types"
import { PICKUP_MODULE } from "../../modules/pickup"
import type { IPickupModuleService } from "../../types/modules"
import type { StoreAvailability } from "../../lib/availability"

/** A location read with PICKUP_OPTION_FIELDS: its fulfillment sets down to their shipping options' ids. */
export type PickupSetsRow = {
  fulfillment_sets?: { type: string; service_zones?: { shipping_options?: { id: string }[] | null }[] | null }[] | null
}
export const PICKUP_OPTION_FIELDS = ["fulfillment_sets.type", "fulfillment_sets.service_zones.shipping_options.id"]

/** The "Pick up at <store>" shipping option of a location, if pickup is set up there. */
export async function findPickupShippingOptionId(container: MedusaContainer, locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "stock_location",
    fields: PICKUP_OPTION_FIELDS,
    filters: { id: locationId },
  })
  const location = data[0] as PickupSetsRow | undefined
  const set = (location?.fulfillment_sets ?? []).find((s) => s?.type === "pickup")
  return (set?.service_zones ?? []).flatMap((z) => z?.shipping_options ?? []).find(Boolean)?.id
}

/** Active pickups booked into a slot of a store. */
export async function countSlotBookings(container: MedusaContainer, locationId: string, slotStarts: Date[]) {
  if (!slotStarts.length) return new Map<number, number>()
  const pickup: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const orders = await pickup.listPickupOrders(
    { location_id: locationId, slot_start: slotStarts, status: ACTIVE_PICKUP_STATUSES },
    { select: ["slot_start"] }
  )
  const counts = new Map<number, number>()
  for (const o of orders) {
    const t = new Date(o.slot_start!).getTime()
    counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  return counts
}

/**
 * The one slot-capacity rule: active pickups booked into the slot stay below
 * the store's capacity, else 409. Checked when the shopper chooses the slot
 * and again at completion under the slot's lock.
 */
export async function assertSlotHasRoom(
  container: MedusaContainer,
  store: { location_id: string; name: string; slot_capacity: number },
  start: Date,
  label: string = start.toISOString()
) {
  const booked = (await countSlotBookings(container, store.location_id, [start])).get(start.getTime()) ?? 0
  if (booked >= store.slot_capacity) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `The pickup slot ${label} at ${store.name} is full`)
  }
}

/** 409 naming every item the store cannot supply. */
export function assertAvailable(storeName: string, availability: StoreAvailability, skus: Map<string, string | null | undefined>) {
  const missing = availability.items.filter((i) => i.available < i.requested)
  if (missing.length) {
    const list = missing
      .map((i) => `${skus.get(i.variant_id) ?? i.variant_id}: requested ${i.requested}, available ${i.available}`)
      .join("; ")
    throw new MedusaError(MedusaError.Types.CONFLICT, `Not enough stock at ${storeName} for ${list}`)
  }
}
