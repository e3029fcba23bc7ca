export const PICKUP_STATUSES = ["placed", "preparing", "ready", "partially_ready", "collected", "cancelled", "expired"]

const COLORS: Record<string, "blue" | "orange" | "green" | "grey" | "red"> = {
  placed: "blue",
  preparing: "orange",
  ready: "green",
  partially_ready: "green",
  collected: "grey",
  cancelled: "red",
  expired: "red",
}

export const statusColor = (status: string) => COLORS[status] ?? "grey"

/** Times come as ISO strings in the store's own zone: show that wall clock. */
export const storeTime = (iso?: string | null, withYear = false) =>
  iso ? (withYear ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : `${iso.slice(8, 10)}/${iso.slice(5, 7)} ${iso.slice(11, 16)}`) : "–"
