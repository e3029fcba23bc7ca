import { z } from "@medusajs/framework/zod"
import { isValidDate } from "../../lib/hours"

/**
 * The one way the plugin's APIs read a date: strict ISO, and a real calendar
 * day (`2026-02-30` is refused, where `Date` would roll it over to March 2).
 * Years 1000 to 9999: four digits, and what PostgreSQL stores as given.
 */

// date [T|space time [zone]]: HH:mm, HH:mm:ss, HH:mm:ss.fff; zone Z, ±HH:mm or ±HHmm
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** YYYY-MM-DD of a day that exists (round-trips through the calendar). */
export function isCalendarDate(s: string): boolean {
  return isValidDate(s) && Number(s.slice(0, 4)) >= 1000
}

/**
 * An ISO date or date-time whose day exists and whose time is a time of day;
 * a date alone or a date-time without a zone is UTC. Null otherwise.
 */
export function parseInstant(s: string): { at: Date; dateOnly: boolean } | null {
  const m = INSTANT.exec(s)
  if (!m || !isCalendarDate(m[1])) return null
  const [, date, hh, mm, ss, frac, zone] = m
  if (hh === undefined) return { at: new Date(`${date}T00:00:00Z`), dateOnly: true }
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return null
  if (zone && zone !== "Z" && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return null
  const offset = !zone || zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  const at = new Date(`${date}T${hh}:${mm}:${ss ?? "00"}${(frac ?? "").slice(0, 4)}${offset}`)
  return Number.isNaN(at.getTime()) ? null : { at, dateOnly: false }
}

/** A query or body field holding a calendar date (YYYY-MM-DD), kept as the string. */
export const CalendarDate = (field: string) =>
  z.string().trim().refine(isCalendarDate, { message: `${field}: must be a real date as YYYY-MM-DD` })

/** A field holding an ISO date or date-time (see parseInstant), read as `{ at, dateOnly }`. */
export const DateOrDateTime = (field: string) =>
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      const parsed = parseInstant(s)
      if (parsed) return parsed
      ctx.addIssue({ code: "custom", message: `${field}: must be a real date or date-time (2026-01-01 or 2026-01-01T09:00:00Z)` })
      return z.NEVER
    })
