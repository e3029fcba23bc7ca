import type { ReactNode } from "react"
import { isNetworkError } from "./lastSeen"

// One vocabulary for an order's state (web shop, app, admin, desk): the plugin's labels.
export { ORDER_MODE_LABEL, ORDER_STATE_LABEL, SHIPMENT_STATE_LABEL } from "medusa-plugin-omnichannel/client"

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

export const OFFLINE_TEXT = "You're offline: this needs a connection."
export const isOffline = () => typeof navigator !== "undefined" && navigator.onLine === false

/** What an API error says, in the words the shopper reads. */
export function errorText(e: unknown) {
  const err = e as { status?: number; message?: string }
  if (err?.status === 401) return "Please log in first."
  if (isOffline() && isNetworkError(e)) return OFFLINE_TEXT
  if (!err?.message || err.message === "Failed to fetch") return "The shop can't be reached. Check your connection and try again."
  return err.message
}

/** "7 Dec 2026, 18:40": when a kept copy was fetched. */
export const dateTime = (iso: string | Date) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso))

/** Said over what is shown from the last-seen copy (lastSeen.ts): the time it was fetched. */
export function OfflineNote({ asOf }: { asOf: string | null }) {
  if (!asOf) return null
  return (
    <p className="offline-note" role="status" data-testid="offline-note">
      Offline — as of {dateTime(asOf)}
    </p>
  )
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

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const

export function hoursToday(store: { hours_today: { ranges: [string, string][]; closure: string | null } }) {
  if (store.hours_today.closure) return `Closed today (${store.hours_today.closure})`
  if (!store.hours_today.ranges.length) return "Closed today"
  return `Today ${store.hours_today.ranges.map(([a, b]) => `${a}–${b}`).join(", ")}`
}
