/**
 * A typed client for the plugin's Staff API (/staff/*: the pickup desk's
 * queue, hand-over and "to ship" list), for the desk in this package or a
 * merchant's own staff app. Takes Medusa's JS SDK (its `client.fetch` sends
 * the staff token as the SDK is configured) or any transport with the same
 * `fetch` shape, such as the desk's, which keeps the error bodies' fields.
 * Type-only imports: nothing of the server is bundled into a client.
 */
import type Medusa from "@medusajs/js-sdk"
import type {
  StaffCancelPickupBody,
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
  }
}

export type OmnichannelStaffClient = ReturnType<typeof omnichannelStaff>
