export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Opening ranges of one day as [open, close] in "HH:mm", store local time. */
export type DayHours = [string, string][]
/** A day missing from the map is closed. */
export type WeeklyHours = Partial<Record<Weekday, DayHours>>

/** Inclusive date range (YYYY-MM-DD, store local dates) when the store is closed. */
export type Closure = { from: string; to: string; label?: string | null }

export enum PickupStatus {
  PLACED = "placed",
  PREPARING = "preparing",
  READY = "ready",
  PARTIALLY_READY = "partially_ready",
  COLLECTED = "collected",
  CANCELED = "canceled",
  EXPIRED = "expired",
}

/** Statuses in which a pickup still holds stock and a slot. */
export const ACTIVE_PICKUP_STATUSES = [
  PickupStatus.PLACED,
  PickupStatus.PREPARING,
  PickupStatus.READY,
  PickupStatus.PARTIALLY_READY,
]

export type PickupPerson = { name: string; email?: string | null; phone?: string | null }

/** Wrong pickup codes allowed within the window before the desk gets a 429. */
export type CodeAttemptLimits = {
  window_minutes: number
  /** per staff member (or admin user) at one store */
  per_staff: number
  /** per store, all staff together */
  per_store: number
  /** per pickup (wrong codes typed at hand-over) */
  per_pickup: number
}

/** The plugin's options (each of its modules receives them). */
export type { OmnichannelPluginOptions as PickupModuleOptions } from "../../shared/plugin-options"

/** Where a ready order's hold is counted from, and who did what. */
export type PickupActor = { type: "staff" | "user" | "customer" | "system"; id: string | null }

export type RejectedItem = {
  line_item_id: string
  title?: string | null
  sku?: string | null
  quantity: number
  reason: string
}
