import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { closureOn, lastSlotDate, nextPickupAt, slotsOn, toStoreIso } from "../../../../../lib/hours"
import { retrievePickupStoreForChannel } from "../../../../../lib/stores"
import { countSlotBookings } from "../../../../../workflows/pickup/utils"
import type { StoreGetSlotsType } from "../../../validators"
import { omnichannelRoute } from "../../../../utils/own-errors"
import type { StoreGetSlotsResponse } from "../../../../../types/http"

/** A day's pickup slots in the store's time zone, with what is left of each. */
export const GET = omnichannelRoute(async (req: MedusaStoreRequest<unknown, StoreGetSlotsType>, res: MedusaResponse) => {
  const { date } = req.validatedQuery as StoreGetSlotsType
  const channelIds: string[] = req.publishable_key_context?.sales_channel_ids ?? []
  const store = await retrievePickupStoreForChannel(req.scope, req.params.id, channelIds)

  const slots = slotsOn(store, date, store.slot_minutes)
  const booked = await countSlotBookings(req.scope, store.location_id, slots.map((s) => s.start))
  const now = new Date()
  const earliest = nextPickupAt(store, now, store.lead_time_minutes)
  // A day past the store's horizon shows its slots, none bookable (the checkout refuses them).
  const bookable = date <= lastSlotDate(now, store.timezone, store.slot_horizon_days ?? 30)
  const closure = closureOn(store, date)

  res.json({
    date,
    timezone: store.timezone,
    closure: closure ? { from: closure.from, to: closure.to, label: closure.label ?? null } : null,
    slots: slots.map((s) => {
      const remaining = Math.max(0, store.slot_capacity - (booked.get(s.start.getTime()) ?? 0))
      return {
        start: toStoreIso(s.start, store.timezone),
        end: toStoreIso(s.end, store.timezone),
        capacity: store.slot_capacity,
        remaining,
        available: bookable && remaining > 0 && !!earliest && s.start >= earliest,
      }
    }),
  } satisfies StoreGetSlotsResponse)
})
