import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { storeAvailability } from "../../../lib/availability"
import { retrieveCart } from "../../../lib/carts"
import { lastSlotDate, localDate, nextPickupAt, slotsOn } from "../../../lib/hours"
import { retrievePickupStoreForChannel } from "../../../lib/stores"
import type { PickupPerson } from "../../../modules/pickup/types"
import { assertAvailable, assertSlotHasRoom, findPickupShippingOptionId } from "../utils"

export type SetCartPickupInput = {
  cart_id: string
  location_id: string
  slot_start?: string | null
  pickup_person?: PickupPerson | null
  /** Injectable clock for tests of slot rules; defaults to now. */
  now?: Date
}

export type ValidatedCartPickup = {
  cart_id: string
  location_id: string
  shipping_option_id: string
  slot_start: Date | null
  slot_end: Date | null
  pickup_person: PickupPerson | null
}

export const validateCartPickupStepId = "validate-cart-pickup"

/**
 * Everything POST /store/carts/:id/pickup must refuse before it changes the
 * cart: unknown cart (404) or completed cart (409); unknown store (404),
 * pickup off or another channel (400); an item the store can't supply (409);
 * a slot outside hours, in the past or past the store's horizon (400) or full (409).
 */
export const validateCartPickupStep = createStep(
  validateCartPickupStepId,
  async (input: SetCartPickupInput, { container }) => {
    const cart = await retrieveCart(
      container,
      input.cart_id,
      ["id", "sales_channel_id", "items.variant_id", "items.quantity", "items.variant_sku"],
      { open: true }
    )

    const store = await retrievePickupStoreForChannel(container, input.location_id, [cart.sales_channel_id!])
    const items = (cart.items ?? []).flatMap((i) => (i?.variant_id ? [{ ...i, variant_id: i.variant_id }] : []))
    if (!items.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Cart ${cart.id} has no items to pick up`)
    }
    const availability = (
      await storeAvailability(container, [store], items.map((i) => ({ variant_id: i.variant_id, quantity: Number(i.quantity) })))
    ).get(store.location_id)!
    assertAvailable(store.stock_location.name, availability, new Map(items.map((i) => [i.variant_id, i.variant_sku])))

    const shippingOptionId = await findPickupShippingOptionId(container, store.location_id)
    if (!shippingOptionId) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${store.stock_location.name} has no pickup shipping option`
      )
    }

    let slotStart: Date | null = null
    let slotEnd: Date | null = null
    if (input.slot_start) {
      if (store.slot_minutes <= 0) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `slot_start: ${store.stock_location.name} has no pickup slots`)
      }
      const start = new Date(input.slot_start)
      const now = input.now ?? new Date()
      // Before the slots are computed: a slot years ahead would hold the stock until staff cancel it.
      const horizon = store.slot_horizon_days ?? 30
      if (localDate(start, store.timezone) > lastSlotDate(now, store.timezone, horizon)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `slot_start: ${input.slot_start} is more than ${horizon} days ahead`
        )
      }
      const slot = slotsOn(store, localDate(start, store.timezone), store.slot_minutes).find(
        (s) => s.start.getTime() === start.getTime()
      )
      if (!slot) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `slot_start: ${input.slot_start} is not a pickup slot of ${store.stock_location.name}`
        )
      }
      const earliest = nextPickupAt(store, now, store.lead_time_minutes)
      if (!earliest || slot.start < earliest) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `slot_start: ${input.slot_start} is before the earliest pickup time`
        )
      }
      await assertSlotHasRoom(
        container,
        { location_id: store.location_id, name: store.stock_location.name, slot_capacity: store.slot_capacity },
        slot.start,
        input.slot_start
      )
      slotStart = slot.start
      slotEnd = slot.end
    }

    return new StepResponse<ValidatedCartPickup>({
      cart_id: cart.id,
      location_id: store.location_id,
      shipping_option_id: shippingOptionId,
      slot_start: slotStart,
      slot_end: slotEnd,
      pickup_person: input.pickup_person ?? null,
    })
  }
)
