import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { VariantInventory } from "../../../lib/availability"
import { retrieveCart } from "../../../lib/carts"
import { loyaltyCreditLines } from "../../../lib/loyalty-redemption"
import { classifyShippingOptions, type ShippingOptionKind } from "../../../lib/pickup-options"
import type { Destination, RoutingPolicy } from "../../../lib/routing"
import { destinationOf, routingPolicyFor } from "../../../lib/routing-data"
import { geocoderNamed } from "../../../lib/geocoders"
import { assertPickupOffered, readCheckoutStore, type CheckoutStore } from "../../../lib/stores"
import { PICKUP_MODULE } from "../../../modules/pickup"
import type { IPickupModuleService } from "../../../types/modules"
import type { PickupPerson } from "../../../modules/pickup/types"
import { omnichannelOptions } from "../../../lib/plugin-options"

export type CheckoutPickup = {
  location_id: string
  store_name: string
  store: CheckoutStore
  shipping_option_id: string
  slot_start: string | null
  slot_end: string | null
  pickup_person: PickupPerson | null
}

export type CheckoutPlan = {
  cart_id: string
  /** Set when the cart already has its order (a retried request): checks and core completion are skipped. */
  order_id: string | null
  sales_channel_id: string | null
  customer_id: string | null
  /** the cart's lines (`id`: the cart line item) */
  items: { id: string; variant_id: string; quantity: number; sku: string | null }[]
  variants: VariantInventory[]
  inventory_item_ids: string[]
  pickup: CheckoutPickup | null
  /** Set for a delivery in a channel with routing rules: where it goes and the rules that choose its locations. */
  routing: { policy: RoutingPolicy; destination: Destination } | null
  /**
   * Set for a delivery in a channel without routing rules: the location its
   * shipping option ships from, where its stock is reserved when it has it
   * (Medusa would take the channel's first location with stock, a shop's).
   */
  home: { location_id: string; name: string } | null
  points: number
}

const CART_FIELDS = [
  "id",
  "completed_at",
  "sales_channel_id",
  "customer_id",
  "items.id",
  "items.variant_id",
  "items.quantity",
  "items.variant_sku",
  "items.variant.id",
  "items.variant.manage_inventory",
  "items.variant.inventory_items.inventory_item_id",
  "items.variant.inventory_items.required_quantity",
  "shipping_methods.shipping_option_id",
  "shipping_address.metadata",
  "shipping_address.postal_code",
  "shipping_address.city",
  "shipping_address.country_code",
  "credit_lines.reference",
  "credit_lines.metadata",
]

/** The cart as CART_FIELDS reads it. */
type CheckoutCart = {
  id: string
  completed_at: string | Date | null
  sales_channel_id: string | null
  customer_id: string | null
  items: {
    id: string
    variant_id: string | null
    quantity: number
    variant_sku: string | null
    variant: {
      id: string
      manage_inventory: boolean
      inventory_items: { inventory_item_id: string; required_quantity: number | null }[] | null
    } | null
  }[]
  shipping_methods: { shipping_option_id: string | null }[] | null
  shipping_address: {
    metadata: Record<string, unknown> | null
    postal_code: string | null
    city: string | null
    country_code: string | null
  } | null
  credit_lines: { reference: string | null; metadata: Record<string, unknown> | null }[] | null
}

export const loadCheckoutStepId = "load-omnichannel-checkout"

export type LoadCheckoutInput = {
  cart_id: string
  /**
   * What the caller already found the cart's shipping options to be
   * (classifyShippingOptions, e.g. by the completion middleware). Used only if
   * the cart read here, under the cart lock, still has exactly those options;
   * otherwise they are classified again.
   */
  shipping_options?: Record<string, ShippingOptionKind> | null
}

const pickupLocationOf = (kinds: Iterable<ShippingOptionKind>) => {
  for (const k of kinds) if (k.kind === "pickup" && k.location_id) return k.location_id
  return null
}

/**
 * What completing this cart involves for the plugin: the store when its
 * shipping method is a store's pickup option (however it was set: the plugin's
 * route or Medusa's own shipping-methods route), the shopper's slot and
 * collector when they chose them for that store, and the points paying part
 * of it. A pickup option of a store that no longer offers pickup, sells in
 * another channel or was removed stops the checkout here (400/409), before
 * anything is reserved.
 */
export const loadCheckoutStep = createStep(loadCheckoutStepId, async (input: LoadCheckoutInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const pickupModule: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const hint = input.shipping_options ?? null
  const hintedLocation = hint ? pickupLocationOf(Object.values(hint)) : null
  // The store's settings are read beside the cart when the caller already
  // knows which store it is; checked below against what the cart holds.
  const [cart, [selection], hintedStore] = await Promise.all([
    retrieveCart(container, input.cart_id, CART_FIELDS) as Promise<CheckoutCart>,
    pickupModule.listPickupSelections({ cart_id: input.cart_id }),
    hintedLocation ? readCheckoutStore(container, hintedLocation) : null,
  ])
  // A completed cart (a retried request) has its order: found through Medusa's order-cart link.
  const { data: links } = cart.completed_at
    ? await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: input.cart_id } })
    : { data: [] as { order_id: string }[] }

  const optionIds: string[] = [
    ...new Set<string>((cart.shipping_methods ?? []).flatMap((m) => (m?.shipping_option_id ? [m.shipping_option_id] : []))),
  ]
  const hintHolds = !!hint && optionIds.length === Object.keys(hint).length && optionIds.every((id) => id in hint)
  const kinds = hintHolds
    ? new Map<string, ShippingOptionKind>(Object.entries(hint!))
    : await classifyShippingOptions(container, optionIds)
  const pickupOptionId = optionIds.find((id: string) => kinds.get(id)?.kind === "pickup")
  let pickup: CheckoutPickup | null = null

  if (pickupOptionId) {
    const kind = kinds.get(pickupOptionId) as Extract<ShippingOptionKind, { kind: "pickup" }>
    if (!kind.location_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "The pickup store chosen for this cart no longer exists: choose another store or delivery"
      )
    }
    const { store, channel_ids } =
      hintedStore && kind.location_id === hintedLocation ? hintedStore : await readCheckoutStore(container, kind.location_id)
    const storeName = kind.location_name ?? kind.location_id
    assertPickupOffered(storeName, store, channel_ids, [cart.sales_channel_id])
    // The slot and collector apply only to the store they were chosen for.
    const chosen = selection?.location_id === kind.location_id ? selection : null
    pickup = {
      location_id: kind.location_id,
      store_name: storeName,
      store: store!,
      shipping_option_id: pickupOptionId,
      slot_start: chosen?.slot_start ? new Date(chosen.slot_start).toISOString() : null,
      slot_end: chosen?.slot_end ? new Date(chosen.slot_end).toISOString() : null,
      pickup_person: (chosen?.pickup_person as PickupPerson | null) ?? null,
    }
  } else if (optionIds.some((id: string) => kinds.get(id)?.kind === "removed_pickup")) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "The pickup store chosen for this cart no longer exists: choose another store or delivery"
    )
  } else if (selection && optionIds.some((id: string) => kinds.get(id)?.kind === "missing")) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "The pickup option chosen for this cart is no longer offered: choose another store or delivery"
    )
  }

  // A delivery (a shipping method, none of them a pickup) in a channel with routing rules.
  let routing: CheckoutPlan["routing"] = null
  if (!pickup && optionIds.some((id) => kinds.get(id)?.kind === "delivery")) {
    const policy = await routingPolicyFor(container, cart.sales_channel_id)
    if (policy) {
      routing = {
        policy: { rules: policy.rules as RoutingPolicy["rules"], priority: policy.priority as string[] },
        destination: destinationOf(cart.shipping_address, geocoderNamed(omnichannelOptions(container).geocoder)),
      }
    }
  }

  let home: CheckoutPlan["home"] = null
  if (!pickup && !routing) {
    const delivery = optionIds.map((id) => kinds.get(id)).find((k) => k?.kind === "delivery" && k.location_id)
    if (delivery?.kind === "delivery") home = { location_id: delivery.location_id!, name: delivery.location_name ?? delivery.location_id! }
  }

  const variants = new Map<string, VariantInventory>()
  for (const item of cart.items ?? []) {
    const v = item?.variant
    if (v?.id && !variants.has(v.id)) {
      variants.set(v.id, {
        id: v.id,
        manage_inventory: !!v.manage_inventory,
        inventory_items: (v.inventory_items ?? []).filter(Boolean).map((i) => ({
          inventory_item_id: i.inventory_item_id,
          required_quantity: Number(i.required_quantity ?? 1),
        })),
      })
    }
  }
  const inventoryItemIds = [
    ...new Set(
      [...variants.values()]
        .filter((v) => v.manage_inventory)
        .flatMap((v) => v.inventory_items.map((i) => i.inventory_item_id))
    ),
  ].sort()

  const plan: CheckoutPlan = {
    cart_id: cart.id,
    order_id: links[0]?.order_id ?? null,
    sales_channel_id: cart.sales_channel_id ?? null,
    customer_id: cart.customer_id ?? null,
    items: (cart.items ?? [])
      .flatMap((i) => (i?.variant_id ? [{ id: i.id, variant_id: i.variant_id, quantity: Number(i.quantity), sku: i.variant_sku ?? null }] : [])),
    variants: [...variants.values()],
    inventory_item_ids: inventoryItemIds,
    pickup,
    routing,
    home,
    points: loyaltyCreditLines(cart).reduce((s, c) => s + Number(c.metadata?.points ?? 0), 0),
  }
  return new StepResponse(plan)
})

/**
 * The plugin's lock keys for a checkout: each inventory item of a pickup or a
 * delivery (routed, or reserved at its option's location) (checkouts sharing an item take turns from the stock check
 * until their reservations sit where they belong, so core's choice of
 * location is made on fresh stock), the slot (capacity) and the customer's points (the balance
 * check and the debit). Sorted, so two checkouts never wait on each other.
 */
export function checkoutLockKeys(plan: CheckoutPlan): string[] {
  if (plan.order_id) return []
  const keys: string[] = []
  if (plan.pickup || plan.routing || plan.home) {
    keys.push(...plan.inventory_item_ids.map((id) => `omnichannel:stock:${id}`))
  }
  if (plan.pickup) {
    if (plan.pickup.slot_start) {
      keys.push(`omnichannel:slot:${plan.pickup.location_id}:${new Date(plan.pickup.slot_start).getTime()}`)
    }
  }
  if (plan.points && plan.customer_id) {
    keys.push(`omnichannel:points:${plan.customer_id}`)
  }
  return keys.sort()
}
