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
 */
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  generateEntityId,
  MathBN,
  MedusaError,
  Modules,
} from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadVariantInventory, storeAvailability } from "../../lib/availability"
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
}

/** The cart's pickup choice, when its shipping method still is that store's pickup option. */
async function loadPickupContext(container: MedusaContainer, cartId: string): Promise<PickupContext | null> {
  const pickup: PickupModuleService = container.resolve(PICKUP_MODULE)
  const [selection] = await pickup.listPickupSelections({ cart_id: cartId })
  if (!selection) return null

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
    entity: "cart",
    fields: ["id", "shipping_methods.shipping_option_id", "items.variant_id"],
    filters: { id: cartId },
  })
  const optionId = await findPickupShippingOptionId(container, selection.location_id)
  if (!optionId || !(cart?.shipping_methods ?? []).some((m: any) => m?.shipping_option_id === optionId)) {
    // The shopper switched to delivery after choosing a store: not a pickup order.
    return null
  }
  const { data: [store] } = await query.graph({
    entity: "pickup_store",
    fields: ["*", "stock_location.name"],
    filters: { location_id: selection.location_id },
  })
  const variants = await loadVariantInventory(
    container,
    (cart.items ?? []).map((i: any) => i?.variant_id).filter(Boolean)
  )
  const inventoryItemIds = [
    ...new Set([...variants.values()].flatMap((v) => v.inventory_items.map((i) => i.inventory_item_id))),
  ].sort()
  return { selection, store, inventoryItemIds }
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

completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const context = await loadPickupContext(container, cart.id)
    if (!context) {
      return new StepResponse(undefined, null)
    }
    const keys = lockKeys(context)
    await acquirePickupLock(container, keys, cart.id)
    try {
      const items = (cart.items ?? []).map((i: any) => ({ variant_id: i.variant_id, quantity: Number(i.quantity) }))
      const availability = (await storeAvailability(container, [context.store], items)).get(context.store.location_id)!
      assertAvailable(
        context.store.stock_location?.name ?? context.store.location_id,
        availability,
        new Map((cart.items ?? []).map((i: any) => [i.variant_id, i.variant_sku ?? i.variant?.sku]))
      )
      await assertSlotHasRoom(container, context.store, context.selection.slot_start)
    } catch (e) {
      await releasePickupLock(container, keys, cart.id)
      throw e
    }
    return new StepResponse(undefined, { keys, owner: cart.id })
  },
  async (held, { container }) => {
    if (held) {
      await releasePickupLock(container, held.keys, held.owner)
    }
  }
)

// Registered by core-flows at runtime but left out of the hook typings (@ignore).
const hooks = completeCartWorkflow.hooks as typeof completeCartWorkflow.hooks & {
  beforePaymentAuthorization: (
    invoke: (input: { input: { id: string } }, context: { container: MedusaContainer }) => Promise<any>,
    compensate: (data: any, context: { container: MedusaContainer }) => Promise<void>
  ) => void
}

hooks.beforePaymentAuthorization(
  async ({ input }, { container }) => {
    const cartId = input.id
    const context = await loadPickupContext(container, cartId)
    if (!context) {
      return new StepResponse(undefined, null)
    }
    const { selection, store } = context
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventory = container.resolve(Modules.INVENTORY)
    const locking = container.resolve(Modules.LOCKING)
    const pickup: PickupModuleService = container.resolve(PICKUP_MODULE)

    const { data: [link] } = await query.graph({
      entity: "order_cart",
      fields: ["order_id", "order.customer_id", "order.items.id"],
      filters: { cart_id: cartId },
    })
    const order = link.order as { customer_id?: string | null; items?: { id: string }[] }
    const lineItemIds = (order.items ?? []).map((i: any) => i.id)
    const reservations = lineItemIds.length
      ? await inventory.listReservationItems({ line_item_id: lineItemIds })
      : []
    const moved: { id: string; location_id: string }[] = []

    try {
      // Core's inventory lock keys: serialises with every reservation Medusa makes.
      await locking.execute(context.inventoryItemIds, async () => {
        const toMove = reservations.filter((r) => r.location_id !== store.location_id)
        if (toMove.length) {
          await inventory.updateReservationItems(
            toMove.map((r) => ({ id: r.id, location_id: store.location_id }))
          )
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
            `Not enough stock at ${store.stock_location?.name ?? store.location_id} any more`
          )
        }
      })

      const id = generateEntityId(undefined, "pkor")
      const nonce = newNonce()
      const readyBy = selection.slot_start
        ? new Date(selection.slot_start)
        : nextPickupAt(store, new Date(), store.lead_time_minutes)
      const created = await pickup.createPickupOrders({
        id,
        order_id: link.order_id,
        cart_id: cartId,
        customer_id: order.customer_id ?? null,
        location_id: store.location_id,
        slot_start: selection.slot_start ?? null,
        slot_end: selection.slot_end ?? null,
        ready_by: readyBy,
        pickup_person: selection.pickup_person ?? null,
        code_nonce: nonce,
        code_hash: pickup.hashCode(pickup.pickupCode({ id, code_nonce: nonce })),
      } as any)

      await releasePickupLock(container, lockKeys(context), cartId)
      return new StepResponse(created, { pickup_id: created.id, moved })
    } catch (e) {
      if (moved.length) {
        await inventory.updateReservationItems(moved)
      }
      throw e
    }
  },
  async (compensation: { pickup_id: string; moved: { id: string; location_id: string }[] } | null, { container }) => {
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
)
