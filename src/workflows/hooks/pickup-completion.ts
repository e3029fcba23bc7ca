/**
 * Pickup on Medusa's own cart completion (POST /store/carts/:id/complete).
 *
 * Core reserves each item at the first location of the sales channel that has
 * stock (reserveInventoryStep uses location_ids[0]), which may not be the
 * store the shopper chose. So, for a cart with a pickup choice:
 *
 * 1. `validate` hook, before the order exists: take the pickup lock of every
 *    inventory item in the cart (so pickup checkouts sharing an item run this
 *    window one at a time), then check the chosen store can supply the cart
 *    (stocked − reserved − safety stock) and the slot has room: 409 if not.
 * 2. core creates the order and its reservations (somewhere).
 * 3. `beforePaymentAuthorization` hook: under core's own inventory lock, move
 *    the order's reservations to the chosen store, check the store is still
 *    not below its safety stock, create the pickup record (status placed,
 *    hashed code), release the pickup lock.
 *
 * Any failure rolls back: the pickup record is deleted and reservations moved
 * back by our compensation, core's compensations delete reservations and the
 * order, and the validate compensation releases the lock.
 *
 * These are the pickup halves of the hook handlers registered in
 * complete-cart.ts (a core hook takes one handler; loyalty shares them).
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateEntityId,
  MathBN,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { storeAvailability, type VariantInventory } from "../../lib/availability"
import { nextPickupAt } from "../../lib/hours"
import { newNonce } from "../../lib/pickup-code"
import { PICKUP_MODULE } from "../../modules/pickup"
import type PickupModuleService from "../../modules/pickup/service"
import { assertAvailable, countSlotBookings, findPickupShippingOptionId } from "../pickup/utils"

const LOCK_TTL_SECONDS = 60
const LOCK_WAIT_MS = 30_000

type PickupContext = {
  selection: any
  store: any
  inventoryItemIds: string[]
  variants: Map<string, VariantInventory>
}

/**
 * Context found by the validate hook, handed to the before-payment hook of the
 * same run (both run in this process, one after the other). If it is missing,
 * e.g. the run resumed elsewhere, the second hook loads it again.
 */
const contexts = new Map<string, { context: PickupContext; at: number }>()
const CONTEXT_TTL_MS = 5 * 60_000

function remember(cartId: string, context: PickupContext) {
  const now = Date.now()
  for (const [key, value] of contexts) {
    if (now - value.at > CONTEXT_TTL_MS) contexts.delete(key)
  }
  contexts.set(cartId, { context, at: now })
}

/**
 * The cart's pickup choice, when its shipping method still is that store's
 * pickup option. `cart` is the completion workflow's own cart data when we
 * have it (shipping methods and the variants' inventory items are in it).
 */
async function loadPickupContext(container: MedusaContainer, cartId: string, cart?: any): Promise<PickupContext | null> {
  const pickup: PickupModuleService = container.resolve(PICKUP_MODULE)
  const [selection] = await pickup.listPickupSelections({ cart_id: cartId })
  if (!selection) return null

  if (!cart) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    ;({ data: [cart] } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "shipping_methods.shipping_option_id",
        "items.variant_id",
        "items.variant.id",
        "items.variant.manage_inventory",
        "items.variant.inventory_items.inventory_item_id",
        "items.variant.inventory_items.required_quantity",
      ],
      filters: { id: cartId },
    }))
  }
  const optionId = selection.shipping_option_id ?? (await findPickupShippingOptionId(container, selection.location_id))
  if (!optionId || !(cart?.shipping_methods ?? []).some((m: any) => m?.shipping_option_id === optionId)) {
    // The shopper switched to delivery after choosing a store: not a pickup order.
    return null
  }
  const [store] = await pickup.listPickupStores({ location_id: selection.location_id })
  const variants = new Map<string, VariantInventory>()
  for (const item of cart.items ?? []) {
    const v = item?.variant
    if (v?.id) {
      variants.set(v.id, {
        id: v.id,
        manage_inventory: v.manage_inventory,
        inventory_items: (v.inventory_items ?? []).filter(Boolean),
      })
    }
  }
  const inventoryItemIds = [
    ...new Set([...variants.values()].flatMap((v) => v.inventory_items.map((i) => i.inventory_item_id))),
  ].sort()
  return { selection, store, inventoryItemIds, variants }
}

async function storeName(container: MedusaContainer, locationId: string) {
  const [location] = await container
    .resolve(Modules.STOCK_LOCATION)
    .listStockLocations({ id: locationId }, { select: ["name"] })
  return location?.name ?? locationId
}

/** One key per inventory item, plus the slot when one is booked (capacity). */
function lockKeys(context: PickupContext) {
  const keys = context.inventoryItemIds.map((id) => `omnichannel:pickup:${id}`)
  if (context.selection.slot_start) {
    keys.push(`omnichannel:slot:${context.store.location_id}:${new Date(context.selection.slot_start).getTime()}`)
  }
  return keys.sort()
}

async function acquirePickupLock(container: MedusaContainer, keys: string[], ownerId: string) {
  const locking = container.resolve(Modules.LOCKING)
  const deadline = Date.now() + LOCK_WAIT_MS
  // Keys are sorted, so two carts never hold each other's first key.
  for (;;) {
    try {
      await locking.acquire(keys, { ownerId, expire: LOCK_TTL_SECONDS })
      return
    } catch (e) {
      if (Date.now() > deadline) {
        await locking.release(keys, { ownerId }).catch(() => {})
        throw new MedusaError(MedusaError.Types.CONFLICT, "The store is busy with other checkouts, please retry")
      }
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50))
    }
  }
}

async function releasePickupLock(container: MedusaContainer, keys: string[], ownerId: string) {
  await container.resolve(Modules.LOCKING).release(keys, { ownerId }).catch(() => {})
}

async function assertSlotHasRoom(container: MedusaContainer, store: any, slotStart: Date | null) {
  if (!slotStart) return
  const booked = (await countSlotBookings(container, store.location_id, [new Date(slotStart)])).get(
    new Date(slotStart).getTime()
  ) ?? 0
  if (booked >= store.slot_capacity) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `The pickup slot ${new Date(slotStart).toISOString()} is full`)
  }
}

/** validate hook, pickup part: lock, stock and slot check. Returns what compensation needs. */
export async function pickupValidate({ cart }: { cart: any }, { container }: { container: MedusaContainer }) {
  {
    const context = await loadPickupContext(container, cart.id, cart)
    if (!context) {
      return null
    }
    const keys = lockKeys(context)
    await acquirePickupLock(container, keys, cart.id)
    try {
      const items = (cart.items ?? []).map((i: any) => ({ variant_id: i.variant_id, quantity: Number(i.quantity) }))
      const availability = (
        await storeAvailability(container, [context.store], items, { variants: context.variants })
      ).get(context.store.location_id)!
      if (!availability.all_available) {
        assertAvailable(
          await storeName(container, context.store.location_id),
          availability,
          new Map((cart.items ?? []).map((i: any) => [i.variant_id, i.variant_sku]))
        )
      }
      await assertSlotHasRoom(container, context.store, context.selection.slot_start)
    } catch (e) {
      await releasePickupLock(container, keys, cart.id)
      throw e
    }
    remember(cart.id, context)
    return { keys, owner: cart.id }
  }
}

export async function pickupValidateCompensate(
  held: { keys: string[]; owner: string } | null | undefined,
  { container }: { container: MedusaContainer }
) {
  if (held) {
    await releasePickupLock(container, held.keys, held.owner)
  }
}

type PickupPlaced = { pickup_id: string; moved: { id: string; location_id: string }[] }

/** beforePaymentAuthorization hook, pickup part: reservations to the store, pickup record. */
export async function pickupBeforePayment(
  { input }: { input: { id: string } },
  { container }: { container: MedusaContainer }
): Promise<PickupPlaced | null> {
  {
    const cartId = input.id
    const context = contexts.get(cartId)?.context ?? (await loadPickupContext(container, cartId))
    contexts.delete(cartId)
    if (!context) {
      return null
    }
    const { selection, store } = context
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const pickup: PickupModuleService = container.resolve(PICKUP_MODULE)

    const { data: [link] } = await query.graph({
      entity: "order_cart",
      fields: [
        "order_id",
        "order.customer_id",
        "order.display_id",
        "order.email",
        "order.customer.first_name",
        "order.customer.last_name",
        "order.items.id",
      ],
      filters: { cart_id: cartId },
    })
    const order = link.order as unknown as {
      customer_id?: string | null
      display_id?: number
      email?: string | null
      customer?: { first_name?: string | null; last_name?: string | null } | null
      items?: { id: string }[]
    }
    const customerName =
      [order.customer?.first_name, order.customer?.last_name].filter(Boolean).join(" ") ||
      (selection.pickup_person as any)?.name ||
      null
    const lineItemIds = (order.items ?? []).map((i: any) => i.id)
    const reservations = lineItemIds.length
      ? await inventory.listReservationItems({ line_item_id: lineItemIds })
      : []
    const moved: { id: string; location_id: string }[] = []

    // Core's inventory lock keys: serialises with every reservation Medusa makes.
    const moveAndCheck = () =>
      locking.execute(context.inventoryItemIds, async () => {
        const toMove = reservations.filter((r) => r.location_id !== store.location_id)
        if (toMove.length) {
          await inventory.updateReservationItems(toMove.map((r) => ({ id: r.id, location_id: store.location_id })))
          moved.push(...toMove.map((r) => ({ id: r.id, location_id: r.location_id })))
        }
        const levels = await inventory.listInventoryLevels({
          inventory_item_id: context.inventoryItemIds,
          location_id: store.location_id,
        })
        const short = levels.filter((l) =>
          MathBN.lt(MathBN.sub(l.stocked_quantity, l.reserved_quantity), store.safety_stock)
        )
        if (short.length || levels.length < context.inventoryItemIds.length) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `Not enough stock at ${await storeName(container, store.location_id)} any more`
          )
        }
      })

    const id = generateEntityId(undefined, "pkor")
    const nonce = newNonce()
    const readyBy = selection.slot_start
      ? new Date(selection.slot_start)
      : nextPickupAt(store, new Date(), store.lead_time_minutes)
    const createRecord = () =>
      pickup.createPickupOrders({
        id,
        order_id: link.order_id,
        cart_id: cartId,
        customer_id: order.customer_id ?? null,
        location_id: store.location_id,
        slot_start: selection.slot_start ?? null,
        slot_end: selection.slot_end ?? null,
        ready_by: readyBy,
        pickup_person: selection.pickup_person ?? null,
        order_display_id: order.display_id ?? null,
        customer_name: customerName,
        email: order.email ?? null,
        code_nonce: nonce,
        code_hash: pickup.hashCode(pickup.pickupCode({ id, code_nonce: nonce })),
      } as any)

    // Independent writes, run side by side; either failing undoes the other.
    const [movedResult, createdResult] = await Promise.allSettled([moveAndCheck(), createRecord()])
    if (movedResult.status === "rejected" || createdResult.status === "rejected") {
      if (moved.length) {
        await inventory.updateReservationItems(moved)
      }
      if (createdResult.status === "fulfilled") {
        await pickup.deletePickupOrders(id)
      }
      throw movedResult.status === "rejected" ? movedResult.reason : (createdResult as PromiseRejectedResult).reason
    }

    await releasePickupLock(container, lockKeys(context), cartId)
    return { pickup_id: id, moved }
  }
}

export async function pickupBeforePaymentCompensate(
  compensation: PickupPlaced | null | undefined,
  { container }: { container: MedusaContainer }
) {
  {
    if (!compensation) return
    const pickup: PickupModuleService = container.resolve(PICKUP_MODULE)
    await pickup.deletePickupOrders(compensation.pickup_id)
    if (compensation.moved.length) {
      const inventory = container.resolve(Modules.INVENTORY)
      // Core's own compensation may already have deleted them.
      const still = await inventory.listReservationItems({ id: compensation.moved.map((m) => m.id) })
      const back = compensation.moved.filter((m) => still.some((r) => r.id === m.id))
      if (back.length) {
        await inventory.updateReservationItems(back)
      }
    }
  }
}
