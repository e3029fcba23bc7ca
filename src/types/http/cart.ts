/** A cart's pickup and its points: /store/carts/:id/pickup, /store/carts/:id/loyalty. */
import type { PickupPerson } from "../../modules/pickup/types"

export type StoreCartPickupSelection = {
  id: string
  cart_id: string
  location_id: string
  slot_start: string | null
  slot_end: string | null
  pickup_person: PickupPerson | null
}
/** `cart` holds the cart's id, totals, shipping methods and items. */
export type StoreSetCartPickupResponse = { cart: Record<string, unknown> & { id: string }; pickup: StoreCartPickupSelection }
export type StoreRemoveCartPickupResponse = { cart: Record<string, unknown> & { id: string }; pickup: null; deleted: true }

export type StoreApplyCartPointsResponse = {
  cart: Record<string, unknown> & { id: string }
  loyalty: { points: number; amount: number; available: number; max_points: number }
}
export type StoreRemoveCartPointsResponse = { cart: Record<string, unknown> & { id: string } }
