import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { addDays } from "date-fns"
import { PICKUP_MODULE } from "../../../modules/pickup"
import { ACTIVE_PICKUP_STATUSES } from "../../../modules/pickup/types"
import { returnableQuantity, type ReturnableDetail } from "../../../lib/returnable"
import type { IPickupModuleService } from "../../../types/modules"

export type StoreReturnItem = {
  /** the order's line item */
  id: string
  quantity: number
  reason?: string
  /** false: damaged or not resellable, not put back on this store's shelf */
  restock: boolean
}

export type StoreReturnInput = {
  order_id: string
  /** the store taking the goods back: restocked items go on its shelf */
  location_id: string
  staff_id: string
  items: StoreReturnItem[]
  note?: string
}

type ReturnOrderLine = {
  id: string
  title: string | null
  variant_id: string | null
  quantity: number
  detail: ReturnableDetail | null
  variant: { manage_inventory: boolean | null; inventory_items: ({ inventory_item_id: string } | null)[] | null } | null
}
type ReturnOrder = { id: string; display_id: number; status: string; created_at: string | Date; items: (ReturnOrderLine | null)[] | null }

/** The order as a return reads it: status, date, and each line's quantities so far. */
export async function loadReturnOrder(container: MedusaContainer, orderId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id", "display_id", "status", "created_at",
      "items.id", "items.title", "items.variant_id", "items.quantity",
      "items.detail.fulfilled_quantity", "items.detail.return_requested_quantity",
      "items.detail.return_received_quantity", "items.detail.return_dismissed_quantity",
      "items.variant.manage_inventory", "items.variant.inventory_items.inventory_item_id",
    ],
    filters: { id: orderId },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order_id: no order ${orderId}`)
  return order as unknown as ReturnOrder
}

export const validateStoreReturnStepId = "validate-store-return"

/**
 * Checked before anything is written, under the order's return lock: the
 * order is not canceled, within the merchant's return window, not a pickup
 * still waiting at a store (that is a cancellation), and each line asks for no
 * more than was handed over and not yet returned. Each refusal names the
 * field. Answers which lines go back on the shelf and which are written off,
 * and the inventory items to restock at the store.
 */
export const validateStoreReturnStep = createStep(
  validateStoreReturnStepId,
  async (input: StoreReturnInput & { return_window_days: number }, { container }) => {
    const order = await loadReturnOrder(container, input.order_id)
    if (order.status === "canceled") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `order_id: order #${order.display_id} is canceled`)
    const closesAt = addDays(new Date(order.created_at), input.return_window_days)
    if (closesAt.getTime() < Date.now()) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `order_id: order #${order.display_id}'s return window (${input.return_window_days} days) closed on ${closesAt.toISOString().slice(0, 10)}`
      )
    }
    const pickup = container.resolve<IPickupModuleService>(PICKUP_MODULE)
    const [waiting] = await pickup.listPickupOrders({ order_id: order.id, status: ACTIVE_PICKUP_STATUSES }, { select: ["id"] })
    if (waiting) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `order_id: order #${order.display_id} is a pickup not collected yet: cancel the pickup instead of returning it`
      )
    }
    const lines = new Map((order.items ?? []).flatMap((l) => (l ? [[l.id, l] as const] : [])))
    const seen = new Set<string>()
    input.items.forEach((item, i) => {
      const line = lines.get(item.id)
      if (!line) throw new MedusaError(MedusaError.Types.INVALID_DATA, `items.${i}.id: no line ${item.id} in order #${order.display_id}`)
      if (seen.has(item.id)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `items.${i}.id: line "${line.title}" is listed twice`)
      seen.add(item.id)
      const left = returnableQuantity(line.detail)
      if (MathBN.gt(item.quantity, left)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          left === 0
            ? `items.${i}.quantity: "${line.title}" has nothing left to return`
            : `items.${i}.quantity: only ${left} of "${line.title}" can be returned`
        )
      }
    })
    return new StepResponse({
      display_id: order.display_id,
      receive: input.items.filter((i) => i.restock).map((i) => ({ id: i.id, quantity: i.quantity })),
      dismiss: input.items.filter((i) => !i.restock).map((i) => ({ id: i.id, quantity: i.quantity })),
      // Every managed item of the return, restocked or not: Medusa's receipt
      // refuses a location without a level for it, even for written-off ones.
      inventory_item_ids: [
        ...new Set(
          input.items
            .flatMap((i) => (lines.get(i.id)?.variant?.manage_inventory ? lines.get(i.id)?.variant?.inventory_items ?? [] : []))
            .flatMap((ii) => (ii ? [ii.inventory_item_id] : []))
        ),
      ],
    })
  }
)
