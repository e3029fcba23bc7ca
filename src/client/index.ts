/**
 * A typed client for the plugin's Store API, for storefronts and apps, built
 * on Medusa's JS SDK (it sends the publishable key and the customer's session
 * or token as the SDK is configured):
 *
 *   import Medusa from "@medusajs/js-sdk"
 *   import { omnichannelStore } from "medusa-plugin-omnichannel/client"
 *   const sdk = new Medusa({ baseUrl, publishableKey })
 *   const omni = omnichannelStore(sdk)
 *   const { stores } = await omni.pickupStores.list({ lat: 45.76, lng: 4.83, cart_id })
 *
 * Completing a pickup cart stays Medusa's own `sdk.store.cart.complete(id)`.
 * Type-only imports: nothing of the server is bundled into a storefront.
 */
import type Medusa from "@medusajs/js-sdk"
import type {
  StoreApplyCartPointsBody,
  StoreApplyCartPointsResponse,
  StoreCustomerLoyaltyQuery,
  StoreCustomerLoyaltyResponse,
  StoreGetSlotsQuery,
  StoreGetSlotsResponse,
  StoreListCustomerPickupsResponse,
  StoreListMyPickupsQuery,
  StoreListPickupStoresQuery,
  StoreListPickupStoresResponse,
  StoreMarkArrivedBody,
  StoreOrderHistoryQuery,
  StoreOrderHistoryResponse,
  StoreOrderProgressResponse,
  StoreRemoveCartPickupResponse,
  StoreRemoveCartPointsResponse,
  StoreRetrieveCustomerPickupResponse,
  StoreRetrievePickupStoreResponse,
  StoreSetCartPickupBody,
  StoreSetCartPickupResponse,
} from "../types/http"

export type * from "../types/http"

type Headers = Record<string, string>
const enc = encodeURIComponent

export function omnichannelStore(sdk: Medusa) {
  const fetch = <T>(path: string, init?: Parameters<Medusa["client"]["fetch"]>[1]) => sdk.client.fetch<T>(path, init)
  return {
    pickupStores: {
      /** Stores offering pickup in the key's sales channel, nearest first with lat/lng; availability with cart_id or variant_ids. */
      list: (query: StoreListPickupStoresQuery = {}, headers?: Headers) =>
        fetch<StoreListPickupStoresResponse>("/store/pickup-stores", { query, headers }),
      retrieve: (id: string, headers?: Headers) =>
        fetch<StoreRetrievePickupStoreResponse>(`/store/pickup-stores/${enc(id)}`, { headers }),
      /** A day's slots (YYYY-MM-DD, the store's calendar). */
      slots: (id: string, query: StoreGetSlotsQuery, headers?: Headers) =>
        fetch<StoreGetSlotsResponse>(`/store/pickup-stores/${enc(id)}/slots`, { query, headers }),
    },
    cart: {
      /** Pickup at a store (409 naming what it cannot supply; 409 for a full slot). */
      setPickup: (cartId: string, body: StoreSetCartPickupBody, headers?: Headers) =>
        fetch<StoreSetCartPickupResponse>(`/store/carts/${enc(cartId)}/pickup`, { method: "POST", body, headers }),
      removePickup: (cartId: string, headers?: Headers) =>
        fetch<StoreRemoveCartPickupResponse>(`/store/carts/${enc(cartId)}/pickup`, { method: "DELETE", headers }),
      /** Pay part of the cart with points (customer); replaces an earlier amount. */
      applyPoints: (cartId: string, body: StoreApplyCartPointsBody, headers?: Headers) =>
        fetch<StoreApplyCartPointsResponse>(`/store/carts/${enc(cartId)}/loyalty`, { method: "POST", body, headers }),
      removePoints: (cartId: string, headers?: Headers) =>
        fetch<StoreRemoveCartPointsResponse>(`/store/carts/${enc(cartId)}/loyalty`, { method: "DELETE", headers }),
    },
    orders: {
      /** Where one order stands (any mode), by its id, as Medusa's own order retrieve reads it. */
      progress: (id: string, headers?: Headers) =>
        fetch<StoreOrderProgressResponse>(`/store/orders/${enc(id)}/progress`, { headers }),
    },
    customer: {
      /** The customer's pickups, newest first, each with its code and QR. */
      pickups: (query: StoreListMyPickupsQuery = {}, headers?: Headers) =>
        fetch<StoreListCustomerPickupsResponse>("/store/customers/me/pickups", { query, headers }),
      pickup: (id: string, headers?: Headers) =>
        fetch<StoreRetrieveCustomerPickupResponse>(`/store/customers/me/pickups/${enc(id)}`, { headers }),
      /** "I'm here" (curbside), with an optional note for the desk. */
      arrived: (id: string, body: StoreMarkArrivedBody = {}, headers?: Headers) =>
        fetch<StoreRetrieveCustomerPickupResponse>(`/store/customers/me/pickups/${enc(id)}/arrived`, { method: "POST", body, headers }),
      /** Balance, pending points, tier and progress, member code and QR, and a page of the ledger. */
      loyalty: (query: StoreCustomerLoyaltyQuery = {}, headers?: Headers) =>
        fetch<StoreCustomerLoyaltyResponse>("/store/customers/me/loyalty", { query, headers }),
      /** One order history across the web store, the app and the shops. */
      history: (query: StoreOrderHistoryQuery = {}, headers?: Headers) =>
        fetch<StoreOrderHistoryResponse>("/store/customers/me/history", { query, headers }),
    },
  }
}

export type OmnichannelStoreClient = ReturnType<typeof omnichannelStore>

/** The status words shared by the storefront, the app, the admin and the desk. */
export {
  ORDER_STATE_LABEL,
  SHIPMENT_STATE_LABEL,
  ORDER_MODE_LABEL,
  STORE_SHIPMENT_STATE_LABEL,
  ALLOCATION_STATE_LABEL,
} from "../types/status"

/** The Staff API (the pickup desk's), on the same SDK or a transport of the same shape. */
export { omnichannelStaff, type OmnichannelStaffClient, type StaffTransport } from "./staff"
export type * from "../types/staff-http"
