/** A customer's pickups: GET /store/customers/me/pickups, /:id. */
import type { PickupPerson, RejectedItem } from "../../modules/pickup/types"
import type { PickupStatus, StoreDateTime } from "./common"
import type { StorePickupStore } from "./stores"

export type StoreCustomerPickup = {
  id: string
  status: PickupStatus
  order: {
    id: string
    display_id?: number
    total?: number
    currency_code?: string
    created_at?: string
    items?: { title: string; quantity: number; variant_sku: string | null }[]
  }
  store: StorePickupStore | { id: string }
  ready_by: StoreDateTime | null
  slot: { start: StoreDateTime; end: StoreDateTime | null } | null
  pickup_person: PickupPerson | null
  /** end of the hold once the order is ready */
  expires_at: StoreDateTime | null
  arrived_at: StoreDateTime | null
  rejected_items: RejectedItem[]
  /** the code to show at the desk; only ever to its own customer */
  code: string
  /** the code as a QR code (PNG data URL) */
  qr?: string
  created_at: string | Date
}
export type StoreListCustomerPickupsResponse = {
  pickups: StoreCustomerPickup[]
  count: number
  limit: number
  offset: number
}
export type StoreRetrieveCustomerPickupResponse = { pickup: StoreCustomerPickup }
