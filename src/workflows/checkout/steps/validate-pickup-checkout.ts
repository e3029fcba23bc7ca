import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { storeAvailability } from "../../../lib/availability"
import { assertAvailable, assertSlotHasRoom } from "../../pickup/utils"
import type { CheckoutPlan } from "./load-checkout"

export const validatePickupCheckoutStepId = "validate-pickup-checkout"

/**
 * Under the checkout locks, before the order exists: the store can supply
 * every item net of its safety stock (409 naming the items and the store) and
 * the booked slot still has room (409). Nothing is written.
 */
export const validatePickupCheckoutStep = createStep(
  validatePickupCheckoutStepId,
  async (plan: CheckoutPlan, { container }) => {
    const pickup = plan.pickup
    if (!pickup || plan.order_id) return new StepResponse(undefined)

    const availability = (
      await storeAvailability(
        container,
        [{ location_id: pickup.location_id, safety_stock: pickup.store.safety_stock }],
        plan.items,
        { variants: new Map(plan.variants.map((v) => [v.id, v])) }
      )
    ).get(pickup.location_id)!
    if (!availability.all_available) {
      assertAvailable(pickup.store_name, availability, new Map(plan.items.map((i) => [i.variant_id, i.sku ?? i.variant_id])))
    }

    if (pickup.slot_start) {
      await assertSlotHasRoom(
        container,
        { location_id: pickup.location_id, name: pickup.store_name, slot_capacity: pickup.store.slot_capacity },
        new Date(pickup.slot_start)
      )
    }
    return new StepResponse(undefined)
  }
)
