export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** Opening ranges of one day as [open, close] in "HH:mm", store local time. */
export type DayHours = [string, string][]
/** A day missing from the map is closed. */
export type WeeklyHours = Partial<Record<Weekday, DayHours>>

/** Inclusive date range (YYYY-MM-DD, store local dates) when the store is closed. */
export type Closure = { from: string; to: string; label?: string | null }
