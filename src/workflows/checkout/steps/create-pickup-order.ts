import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateEntityId } from "@medusajs/framework/utils"
import { nextPickupAt } from "../../../lib/hours"
import { newNonce } from "../../../lib/pickup-code"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import type { CheckoutPickup } from "./load-checkout"

export type CreatePickupOrderInput = {
  order: PlacedOrder
  cart_id: string
  pickup: CheckoutPickup
  /** a retried checkout (the cart already had its order): look for the record first */
  retry: boolean
}

/** What the pickup record copies of its order (for the desk and the notifications). */
export type PlacedOrder = {
  id: string
  display_id: number | null
  email: string | null
  customer_id: string | null
  customer?: { first_name?: string | null; last_name?: string | null } | null
  /** a guest's name is on the address they typed (Medusa's storefront asks for one even for pickup) */
  shipping_address?: { first_name?: string | null; last_name?: string | null } | null
  billing_address?: { first_name?: string | null; last_name?: string | null } | null
}

export const createPickupOrderStepId = "create-pickup-order"

/**
 * The pickup record of a new order: status placed, its store, slot, ready-by
 * (the slot, else the store's next opening after its lead time), who
 * collects, and the code's nonce and hash (the code itself is never stored).
 * A retried checkout finds the record of its order and creates none.
 */
export const createPickupOrderStep = createStep(
  createPickupOrderStepId,
  async (input: CreatePickupOrderInput, { container }) => {
    const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
    const { order: o, pickup } = input
    if (input.retry) {
      const [existing] = await service.listPickupOrders({ order_id: o.id }, { select: ["id"] })
      if (existing) return new StepResponse({ id: existing.id, created: false }, null)
    }

    const nameOf = (p?: { first_name?: string | null; last_name?: string | null } | null) =>
      [p?.first_name, p?.last_name].filter(Boolean).join(" ").trim()
    const customerName =
      nameOf(o.customer) || nameOf(o.shipping_address) || nameOf(o.billing_address) || pickup.pickup_person?.name || null
    const id = generateEntityId(undefined, "pkor")
    const nonce = newNonce()
    await service.createPickupOrders({
      id,
      order_id: o.id,
      cart_id: input.cart_id,
      customer_id: o.customer_id ?? null,
      location_id: pickup.location_id,
      slot_start: pickup.slot_start ? new Date(pickup.slot_start) : null,
      slot_end: pickup.slot_end ? new Date(pickup.slot_end) : null,
      ready_by: pickup.slot_start
        ? new Date(pickup.slot_start)
        : nextPickupAt(pickup.store, new Date(), pickup.store.lead_time_minutes),
      pickup_person: pickup.pickup_person ?? null,
      order_display_id: o.display_id ?? null,
      customer_name: customerName,
      email: o.email ?? null,
      code_nonce: nonce,
      code_hash: service.hashCode(service.pickupCode({ id, code_nonce: nonce })),
    })
    return new StepResponse({ id, created: true }, id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<IPickupModuleService>(PICKUP_MODULE).deletePickupOrders(id)
  }
)
