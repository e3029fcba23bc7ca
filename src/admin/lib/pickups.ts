import { ACTIVE_PICKUP_STATUSES, PickupStatus } from "../../modules/pickup/types"

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

/** Times come as ISO strings in the store's own zone: show that wall clock. */
export const storeTime = (iso?: string | null, withYear = false) =>
  iso ? (withYear ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : `${iso.slice(8, 10)}/${iso.slice(5, 7)} ${iso.slice(11, 16)}`) : "–"
