import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import QRCode from "qrcode"
import { toStoreIso } from "../../../../../lib/hours"
import { presentStore } from "../../../../../lib/present"
import { PICKUP_MODULE } from "../../../../../modules/pickup"
import type { IPickupModuleService, PickupOrderRow } from "../../../../../types/modules"
import type { StoreCustomerPickup } from "../../../../../types/http"

const ORDER_FIELDS = ["id", "display_id", "total", "currency_code", "created_at", "items.title", "items.quantity", "items.variant_sku"]

/** A shopper's pickup with its code and QR: only ever for its own customer. */
async function present(container: MedusaContainer, pickups: PickupOrderRow[], withQr: boolean): Promise<StoreCustomerPickup[]> {
  if (!pickups.length) return []
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: orders }, { data: stores }] = await Promise.all([
    query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: pickups.map((p) => p.order_id) } }),
    query.graph({
      entity: "pickup_store",
      fields: ["*", "stock_location.id", "stock_location.name", "stock_location.address.*"],
      filters: { location_id: [...new Set(pickups.map((p) => p.location_id))] },
    }),
  ])
  const now = new Date()
  return Promise.all(
    pickups.map(async (p) => {
      const store = stores.find((s) => s.location_id === p.location_id) as Parameters<typeof presentStore>[0] | undefined
      const code = service.pickupCode(p)
      return {
        id: p.id,
        status: p.status,
        order: (orders.find((o) => o.id === p.order_id) as unknown as StoreCustomerPickup["order"]) ?? { id: p.order_id },
        store: store ? presentStore(store, now) : { id: p.location_id },
        ready_by: p.ready_by ? toStoreIso(new Date(p.ready_by), store?.timezone ?? "UTC") : null,
        slot: p.slot_start
          ? {
              start: toStoreIso(new Date(p.slot_start), store?.timezone ?? "UTC"),
              end: p.slot_end ? toStoreIso(new Date(p.slot_end), store?.timezone ?? "UTC") : null,
            }
          : null,
        // JSON columns, written in these shapes by the checkout and the desk
        pickup_person: p.pickup_person as StoreCustomerPickup["pickup_person"],
        expires_at: p.expires_at ? toStoreIso(new Date(p.expires_at), store?.timezone ?? "UTC") : null,
        arrived_at: p.arrived_at ? toStoreIso(new Date(p.arrived_at), store?.timezone ?? "UTC") : null,
        rejected_items: (p.rejected_items ?? []) as StoreCustomerPickup["rejected_items"],
        code,
        ...(withQr ? { qr: await QRCode.toDataURL(code, { margin: 1, width: 256 }) } : {}),
        created_at: p.created_at,
      }
    })
  )
}

export async function listCustomerPickups(container: MedusaContainer, customerId: string, limit: number, offset: number, orderId?: string) {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const [pickups, count] = await service.listAndCountPickupOrders(
    { customer_id: customerId, ...(orderId ? { order_id: orderId } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC" } }
  )
  return { pickups: await present(container, pickups, true), count }
}

export async function retrieveCustomerPickup(container: MedusaContainer, customerId: string, id: string) {
  const service: IPickupModuleService = container.resolve(PICKUP_MODULE)
  const [pickup] = await service.listPickupOrders({ id, customer_id: customerId })
  if (!pickup) {
    // Another customer's pickup looks exactly like a missing one.
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pickup with id: ${id} was not found`)
  }
  return (await present(container, [pickup], true))[0]
}
