import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storeAvailability } from "../../../lib/availability"
import type { CheckoutPlan } from "./load-checkout"

/** Which of a delivery's variants are reserved at its option's location (the rest stay where Medusa puts them). */
export type HomeDelivery = { location_id: string; name: string; variant_ids: string[] }

export const planHomeDeliveryStepId = "plan-home-delivery"

/**
 * Under the checkout locks, before the order exists: of a delivery in a
 * channel without routing rules, the variants its shipping option's location
 * can supply whole (stocked − reserved). Those are reserved there after core's
 * completion; a variant it lacks keeps Medusa's choice, so the cart is never
 * refused while the channel's locations together hold enough. Nothing is written.
 */
export const planHomeDeliveryStep = createStep(planHomeDeliveryStepId, async (plan: CheckoutPlan, { container }) => {
  const home = plan.home
  if (!home || plan.order_id) return new StepResponse<HomeDelivery | null>(null)
  const availability = (
    await storeAvailability(container, [{ location_id: home.location_id, safety_stock: 0 }], plan.items, {
      variants: new Map(plan.variants.map((v) => [v.id, v])),
    })
  ).get(home.location_id)!
  const variant_ids = availability.items.filter((i) => i.available >= i.requested).map((i) => i.variant_id)
  return new StepResponse<HomeDelivery | null>(variant_ids.length ? { ...home, variant_ids } : null)
})
