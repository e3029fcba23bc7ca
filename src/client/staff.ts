/**
 * A typed client for the plugin's Staff API (/staff/*: the pickup desk's
 * queue, hand-over and "to ship" list; the counter's till, returns and
 * endless aisle), for the desk in this package or a
 * merchant's own staff app. Takes Medusa's JS SDK (its `client.fetch` sends
 * the staff token as the SDK is configured) or any transport with the same
 * `fetch` shape, such as the desk's, which keeps the error bodies' fields.
 * Type-only imports: nothing of the server is bundled into a client.
 */
import type Medusa from "@medusajs/js-sdk"
import type { StaffCreateSaleBody } from "../types/http"
import type {
  StaffCancelPickupBody,
  StaffCreateAisleOrderBody,
  StaffCreateAisleOrderResponse,
  StaffCreateReturnBody,
  StaffCreateReturnResponse,
  StaffCreateSaleResponse,
  StaffFindItemsQuery,
  StaffFindItemsResponse,
  StaffFindOrdersQuery,
  StaffFindOrdersResponse,
  StaffCollectPickupBody,
  StaffListPickupsQuery,
  StaffListPickupsResponse,
  StaffListShipmentsQuery,
  StaffListShipmentsResponse,
  StaffLoginBody,
  StaffLoginResponse,
  StaffMarkReadyBody,
  StaffMeResponse,
  StaffPickupResponse,
  StaffReceiptResponse,
  StaffRejectLineBody,
  StaffRejectLineResponse,
  StaffShipBody,
  StaffShipmentResponse,
  StaffVerifyPickupBody,
} from "../types/staff-http"

/** What the client needs of a transport: the JS SDK's `client.fetch` has this shape. */
export type StaffTransport = {
  fetch<T>(path: string, init?: { method?: string; body?: object; query?: Record<string, unknown> }): Promise<T>
}

const enc = encodeURIComponent

export function omnichannelStaff(sdkOrTransport: Medusa | StaffTransport) {
  const transport: StaffTransport = "client" in sdkOrTransport ? sdkOrTransport.client : sdkOrTransport
  const get = <T>(path: string, query?: Record<string, unknown>) => transport.fetch<T>(path, { query })
  const post = <T>(path: string, body: object = {}) => transport.fetch<T>(path, { method: "POST", body })
  const pickup = (id: string, action: string) => `/staff/pickups/${enc(id)}/${action}`
  const shipment = (id: string, action: string) => `/staff/shipments/${enc(id)}/${action}`
  return {
    /** Medusa's login for the `staff` actor type: a bearer token (401 for a wrong password, 429 when throttled). */
    login: (body: StaffLoginBody) => post<StaffLoginResponse>("/auth/staff/emailpass", body),
    /** The signed-in staff member and the stores they work at. */
    me: () => get<StaffMeResponse>("/staff/me"),
    pickups: {
      /** The store's queue: arrived shoppers first, then by ready-by time and slot. */
      list: (query: StaffListPickupsQuery = {}) => get<StaffListPickupsResponse>("/staff/pickups", query),
      retrieve: (id: string) => get<StaffPickupResponse>(`/staff/pickups/${enc(id)}`),
      /** The store's pickup with a typed or scanned code (429 after too many wrong codes). */
      verify: (body: StaffVerifyPickupBody) => post<StaffPickupResponse>("/staff/pickups/verify", body),
      prepare: (id: string) => post<StaffPickupResponse>(pickup(id, "prepare")),
      /** Ready, or partly ready with `items` (what is ready, what is not and why). */
      ready: (id: string, body: StaffMarkReadyBody = {}) => post<StaffPickupResponse>(pickup(id, "ready"), body),
      collect: (id: string, body: StaffCollectPickupBody) => post<StaffPickupResponse>(pickup(id, "collect"), body),
      cancel: (id: string, body: StaffCancelPickupBody) => post<StaffPickupResponse>(pickup(id, "cancel"), body),
    },
    shipments: {
      /** The "to ship" queue: open shipments, oldest order first. */
      list: (query: StaffListShipmentsQuery = {}) => get<StaffListShipmentsResponse>("/staff/shipments", query),
      retrieve: (id: string) => get<StaffShipmentResponse>(`/staff/shipments/${enc(id)}`),
      pick: (id: string) => post<StaffShipmentResponse>(shipment(id, "pick")),
      pack: (id: string) => post<StaffShipmentResponse>(shipment(id, "pack")),
      ship: (id: string, body: StaffShipBody) => post<StaffShipmentResponse>(shipment(id, "ship"), body),
      /** The store can't find a line: it goes to the next location, or the shopper is told (and refunded). */
      rejectLine: (id: string, lineItemId: string, body: StaffRejectLineBody) =>
        post<StaffRejectLineResponse>(shipment(id, `lines/${enc(lineItemId)}/reject`), body),
    },
    /** The till's items at a store: a scanned code (`scan: true`, 404 naming it when unknown) or words of the name. */
    products: (query: StaffFindItemsQuery) => get<StaffFindItemsResponse>("/staff/products", query),
    /** A sale at the counter (member or walk-in, cash or card; `exchange_of` a return at the desk): 201 with the receipt; 409 when the shelf is short. */
    sales: {
      create: (body: StaffCreateSaleBody) => post<StaffCreateSaleResponse>("/staff/sales", body),
    },
    orders: {
      /** Orders to take back, any channel's: number, receipt QR (order id), member code or email. */
      find: (query: StaffFindOrdersQuery) => get<StaffFindOrdersResponse>("/staff/orders", query),
      /** The endless aisle: what the shelf lacks, ordered for the shopper (delivered or picked up), paid at the till. */
      create: (body: StaffCreateAisleOrderBody) => post<StaffCreateAisleOrderResponse>("/staff/orders", body),
      /** A till sale's receipt (only one sold at the staff member's stores). */
      receipt: (id: string) => get<StaffReceiptResponse>(`/staff/orders/${enc(id)}/receipt`),
    },
    /** Lines of any channel's order taken back at the store, refunded to the original payment (400 naming the field when refused). */
    returns: {
      create: (body: StaffCreateReturnBody) => post<StaffCreateReturnResponse>("/staff/returns", body),
    },
  }
}

export type OmnichannelStaffClient = ReturnType<typeof omnichannelStaff>
