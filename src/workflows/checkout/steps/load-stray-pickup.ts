import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { classifyShippingOptions } from "../../../lib/pickup-options"
import { readCheckoutStore } from "../../../lib/stores"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import type { CheckoutPickup } from "./load-checkout"
import type { PlacedOrder } from "./create-pickup-order"

/** A pickup order some path completed without the plugin: what is missing of it. */
export type StrayPickup = {
  order: PlacedOrder & { items: { id: string }[] }
  cart_id: string | null
  pickup: CheckoutPickup
  /** its reservations are away from the store */
  misplaced: boolean
  /** it has no pickup record */
  unrecorded: boolean
  /** the inventory items its lines hold: the checkout lock keys */
  inventory_item_ids: string[]
}

type OrderRow = PlacedOrder & {
  items: ({ id: string; variant: { inventory_items: ({ inventory_item_id: string } | null)[] | null } | null } | null)[] | null
  shipping_methods: ({ shipping_option_id: string | null } | null)[] | null
  cart: { id: string } | null
}

export const loadStrayPickupStepId = "load-stray-pickup"

/**
 * For any placed order: is it a pickup (a store's pickup option, however the
 * cart was completed: an app's own route calling Medusa's completeCartWorkflow,
 * a draft order converted in the admin, a future core route) whose
 * reservations sit away from its store or that has no pickup record? Null
 * for every other order, and for a pickup already whole. Read under the
 * items' checkout locks, so a checkout still placing it is seen finished.
 */
export const loadStrayPickupStep = createStep(loadStrayPickupStepId, async (input: { order_id: string; skip?: boolean }, { container }) => {
  if (input.skip) return new StepResponse<StrayPickup | null>(null)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [row] } = await query.graph({
    entity: "order",
    fields: [
      "id", "display_id", "email", "customer_id", "status", "customer.first_name", "customer.last_name",
      "shipping_address.first_name", "shipping_address.last_name", "billing_address.first_name", "billing_address.last_name",
      "items.id", "items.variant.inventory_items.inventory_item_id", "shipping_methods.shipping_option_id", "cart.id",
    ],
    filters: { id: input.order_id },
  })
  const order = row as unknown as (OrderRow & { status: string }) | undefined
  const none = new StepResponse<StrayPickup | null>(null)
  if (!order || order.status === "canceled") return none
  const optionIds = (order.shipping_methods ?? []).flatMap((m) => (m?.shipping_option_id ? [m.shipping_option_id] : []))
  const kinds = await classifyShippingOptions(container, optionIds)
  const kind = [...kinds.values()].find((k) => k.kind === "pickup" && k.location_id)
  if (kind?.kind !== "pickup" || !kind.location_id) return none
  const locationId = kind.location_id

  const items = (order.items ?? []).flatMap((i) => (i ? [i] : []))
  const [[record], reservations, { store }] = await Promise.all([
    container.resolve<IPickupModuleService>(PICKUP_MODULE).listPickupOrders({ order_id: order.id }, { select: ["id"] }),
    items.length
      ? container.resolve(Modules.INVENTORY).listReservationItems({ line_item_id: items.map((i) => i.id) })
      : Promise.resolve([] as { location_id: string }[]),
    readCheckoutStore(container, locationId),
  ])
  const misplaced = reservations.some((r) => r.location_id !== locationId)
  if ((record && !misplaced) || !store) return none
  const optionId = optionIds.find((id) => kinds.get(id)?.kind === "pickup")!
  return new StepResponse<StrayPickup | null>({
    order: { ...order, items: items.map((i) => ({ id: i.id })) },
    cart_id: order.cart?.id ?? null,
    pickup: {
      location_id: locationId,
      store_name: kind.location_name ?? locationId,
      store,
      shipping_option_id: optionId,
      slot_start: null,
      slot_end: null,
      pickup_person: null,
    },
    misplaced,
    unrecorded: !record,
    inventory_item_ids: [
      ...new Set(items.flatMap((i) => (i.variant?.inventory_items ?? []).flatMap((ii) => (ii ? [ii.inventory_item_id] : [])))),
    ].sort(),
  })
})
