/**
 * Compile-time only (npm run typecheck, medusa plugin:build): the Staff API's
 * written-out answer types (src/types/staff-http.ts, what the desk and other
 * clients read) are exactly what the presenters return once sent as JSON,
 * apart from the JSON columns, which the module writes in the shapes the
 * types name. A presenter that gains, loses or retypes a field fails here.
 */
import type { listDeskPickups, presentDeskPickup } from "../../lib/pickup-desk"
import type { listDeskShipments } from "../../lib/shipment-desk"
import type { findReturnableOrders } from "../../lib/store-returns"
import type { findTillItems } from "../../lib/till-catalog"
import type { tillReceipt } from "../../lib/till-receipt"
import type {
  StaffListPickupsResponse,
  StaffListShipmentsResponse,
  StaffPickup,
  StaffReceipt,
  StaffReturnableOrder,
  StaffTillItem,
} from "../../types/staff-http"

/** A value as JSON.stringify writes it: a Date becomes its ISO string, an enum its values. */
type Json<T> = T extends Date
  ? string
  : T extends string
    ? `${T}`
    : T extends readonly (infer U)[]
      ? Json<U>[]
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T
type Answer<F extends (...args: never[]) => unknown> = Json<Awaited<ReturnType<F>>>
/** model.json() columns: typed by what the module writes into them. */
type JsonColumns = "pickup_person" | "rejected_items" | "collected_by" | "timeline"
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const same = <T extends true>(proof: T) => proof

type Written = Omit<StaffPickup, JsonColumns>
type Presented = Omit<Answer<typeof presentDeskPickup>, JsonColumns>
type WrittenRow = Omit<StaffListPickupsResponse["pickups"][number], JsonColumns>
type PresentedRow = Omit<Answer<typeof listDeskPickups>["pickups"][number], JsonColumns>
type TimelineEntry = Omit<StaffPickup["timeline"][number], "data">
type PresentedEntry = Omit<Answer<typeof presentDeskPickup>["timeline"][number], "data">

export const staffAnswersMatch = [
  same<Same<Written, Presented>>(true),
  same<Same<WrittenRow, PresentedRow>>(true),
  same<Same<TimelineEntry, PresentedEntry>>(true),
  same<Same<StaffListShipmentsResponse, Answer<typeof listDeskShipments>>>(true),
  same<Same<StaffTillItem[], Answer<typeof findTillItems>>>(true),
  same<Same<StaffReturnableOrder[], Answer<typeof findReturnableOrders>>>(true),
  // The receipt's order is Medusa's (read by query.graph, untyped there): its
  // fields are held by ORDER_FIELDS in src/lib/till-receipt.ts. `sold_by` is
  // typed string by the index read, null when the seller is gone.
  same<Same<Omit<StaffReceipt, "order" | "sold_by">, Omit<Answer<typeof tillReceipt>, "order" | "sold_by">>>(true),
]
