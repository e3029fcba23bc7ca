import { ACTIVE_PICKUP_STATUSES, PickupStatus } from "../../modules/pickup/types"
import { ORDER_STATE_LABEL } from "../../types/status"
import { sentence } from "./labels"

// One status list: the module's.
export const PICKUP_STATUSES: string[] = Object.values(PickupStatus)
export const ACTIVE_STATUSES: string[] = ACTIVE_PICKUP_STATUSES

const COLORS: Record<PickupStatus, "blue" | "orange" | "green" | "grey" | "red"> = {
  placed: "blue",
  preparing: "orange",
  ready: "green",
  partially_ready: "green",
  collected: "grey",
  canceled: "red",
  expired: "red",
}

export const statusColor = (status: string) => COLORS[status as PickupStatus] ?? "grey"

// A pickup's status is one of the order states: the words the shop, the app
// and the desk show for it (src/types/status.ts), so it never reads two ways.
const LABELS: Record<PickupStatus, string> = ORDER_STATE_LABEL

/** A status (or a timeline action) in sentence case: "Ready for pickup", "Reminder sent". */
export const statusLabel = (status: string) => {
  return LABELS[status as PickupStatus] ?? sentence(status)
}

/** Times come as ISO strings in the store's own zone: show that wall clock. */
export const storeTime = (iso?: string | null, withYear = false) =>
  iso ? (withYear ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : `${iso.slice(8, 10)}/${iso.slice(5, 7)} ${iso.slice(11, 16)}`) : "–"
