/**
 * Opening hours, closures, pickup times and slots of a store, computed in the
 * store's own IANA time zone (a store in Paris opens at 09:00 Paris time
 * whatever the server's zone). Pure functions: every "now" is an argument, so
 * tests pin the clock.
 */
import { TZDate } from "@date-fns/tz"
import { formatISO } from "date-fns"
import { WEEKDAYS, type Closure, type WeeklyHours, type Weekday } from "../modules/pickup/types"

export type StoreSchedule = {
  timezone: string
  hours: WeeklyHours
  closures?: Closure[] | null
}

export type Interval = { start: Date; end: Date }

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real IANA zone name this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return tz.length > 0
  } catch {
    return false
  }
}

/** The store-local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, timezone: string): string {
  const d = TZDate.tz(timezone, instant)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parseDate(date)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** The last store-local date a slot may be booked on: `horizonDays` after today there. */
export function lastSlotDate(now: Date, timezone: string, horizonDays: number): string {
  return addDays(localDate(now, timezone), horizonDays)
}

export function weekdayOf(date: string): Weekday {
  const [y, m, d] = parseDate(date)
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]
}

export function closureOn(schedule: StoreSchedule, date: string): Closure | undefined {
  return (schedule.closures ?? []).find((c) => c.from <= date && date <= c.to)
}

/** Opening ranges of a store-local date as "HH:mm" pairs; none when closed. */
export function rangesOn(schedule: StoreSchedule, date: string): [string, string][] {
  if (closureOn(schedule, date)) {
    return []
  }
  return [...(schedule.hours[weekdayOf(date)] ?? [])].sort((a, b) => a[0].localeCompare(b[0]))
}

/** Opening ranges of a store-local date as instants. */
export function intervalsOn(schedule: StoreSchedule, date: string): Interval[] {
  return rangesOn(schedule, date).map(([open, close]) => ({
    start: atLocalTime(date, open, schedule.timezone),
    end: atLocalTime(date, close, schedule.timezone),
  }))
}

export function isOpenAt(schedule: StoreSchedule, instant: Date): boolean {
  const date = localDate(instant, schedule.timezone)
  return intervalsOn(schedule, date).some((i) => i.start <= instant && instant < i.end)
}

/**
 * The earliest time an order placed at `now` can be ready: now + lead time,
 * moved forward into the next opening range, skipping closed days and
 * closures. Null when the store does not open within `horizonDays`.
 */
export function nextPickupAt(
  schedule: StoreSchedule,
  now: Date,
  leadMinutes: number,
  horizonDays = 60
): Date | null {
  const earliest = new Date(now.getTime() + leadMinutes * 60_000)
  const first = localDate(earliest, schedule.timezone)
  for (let i = 0; i <= horizonDays; i++) {
    for (const interval of intervalsOn(schedule, addDays(first, i))) {
      const start = interval.start > earliest ? interval.start : earliest
      if (start < interval.end) {
        return start
      }
    }
  }
  return null
}

/** Slots of `slotMinutes` laid from each opening time; a slot never runs past closing. */
export function slotsOn(schedule: StoreSchedule, date: string, slotMinutes: number): Interval[] {
  if (slotMinutes <= 0) {
    return []
  }
  const slots: Interval[] = []
  for (const interval of intervalsOn(schedule, date)) {
    for (
      let start = interval.start.getTime();
      start + slotMinutes * 60_000 <= interval.end.getTime();
      start += slotMinutes * 60_000
    ) {
      slots.push({ start: new Date(start), end: new Date(start + slotMinutes * 60_000) })
    }
  }
  return slots
}

/** ISO 8601 with the store's offset, e.g. 2026-11-24T10:00:00+01:00. */
export function toStoreIso(instant: Date, timezone: string): string {
  return formatISO(TZDate.tz(timezone, instant))
}

export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

function atLocalTime(date: string, hhmm: string, timezone: string): Date {
  const [y, m, d] = parseDate(date)
  const [hh, mm] = hhmm.split(":").map(Number)
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, timezone).getTime())
}

function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date)
  if (!m) {
    throw new Error(`Not a YYYY-MM-DD date: ${date}`)
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

function pad(n: number) {
  return String(n).padStart(2, "0")
}
