import type { ReactNode } from "react"

export const money = (amount: number | null | undefined, currency = "eur") =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: currency.toUpperCase() }).format(Number(amount ?? 0))

const dayKey = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(d)

/** "today 16:00", "tomorrow 10:30", "Sat 12 Dec 10:00", in the store's time zone. */
export function when(iso: string | null | undefined, timeZone = "Europe/Paris") {
  if (!iso) return "—"
  const d = new Date(iso)
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(d)
  const today = new Date()
  const tomorrow = new Date(today.getTime() + 86_400_000)
  if (dayKey(d, timeZone) === dayKey(today, timeZone)) return `today ${time}`
  if (dayKey(d, timeZone) === dayKey(tomorrow, timeZone)) return `tomorrow ${time}`
  const date = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short" }).format(d)
  return `${date} ${time}`
}

export const shortDate = (iso: string | Date) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(new Date(iso))

/** What an API error says, in the words the shopper reads. */
export function errorText(e: unknown) {
  const err = e as { status?: number; message?: string }
  if (err?.status === 401) return "Please log in first."
  if (!err?.message || err.message === "Failed to fetch") return "The shop can't be reached. Check your connection and try again."
  return err.message
}

/** An error shown next to what caused it (role=alert: screen readers say it at once). */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null
  return (
    <p className="field-error" role="alert" id={id}>
      {children}
    </p>
  )
}

export const STATUS_LABEL: Record<string, string> = {
  placed: "Order placed",
  preparing: "Being prepared",
  ready: "Ready for pickup",
  partially_ready: "Partly ready",
  collected: "Collected",
  canceled: "Canceled",
  expired: "Expired",
}

export const MODE_LABEL: Record<string, string> = { pickup: "Pickup", delivery: "Delivery", in_store: "In store" }

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const

export function hoursToday(store: { hours_today: { ranges: [string, string][]; closure: string | null } }) {
  if (store.hours_today.closure) return `Closed today (${store.hours_today.closure})`
  if (!store.hours_today.ranges.length) return "Closed today"
  return `Today ${store.hours_today.ranges.map(([a, b]) => `${a}–${b}`).join(", ")}`
}
