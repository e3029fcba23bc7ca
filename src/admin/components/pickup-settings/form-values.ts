/** The pickup settings form's schema, and how a store's settings become form values and back. */
import { z } from "zod"
import type { AdminPickupStore } from "../../hooks/pickup-stores"

export const DAYS = [
  ["mon", "Monday"], ["tue", "Tuesday"], ["wed", "Wednesday"], ["thu", "Thursday"],
  ["fri", "Friday"], ["sat", "Saturday"], ["sun", "Sunday"],
] as const
export type Day = (typeof DAYS)[number][0]

// The form's own checks, for instant feedback; the API checks everything
// again (time zone, overlapping ranges) and its 400 names the field.
const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:mm")
const Range = z
  .object({ open: HHMM, close: HHMM })
  .refine((r) => r.open < r.close, { message: "Opens before it closes", path: ["close"] })
const Whole = (max: number) =>
  z.string().trim().regex(/^\d+$/, "A whole number").refine((v) => Number(v) <= max, `At most ${max}`)
const Coordinate = (max: number) =>
  z.string().trim().refine((v) => v === "" || (Number.isFinite(Number(v)) && Math.abs(Number(v)) <= max), `A number from -${max} to ${max}`)

export const Schema = z.object({
  enabled: z.boolean(),
  latitude: Coordinate(90),
  longitude: Coordinate(180),
  timezone: z.string().trim().min(1, "Required"),
  hours: z.object(Object.fromEntries(DAYS.map(([d]) => [d, z.array(Range)])) as Record<Day, z.ZodArray<typeof Range>>),
  closures: z.array(
    z
      .object({ from: z.string().min(1, "Required"), to: z.string().min(1, "Required"), label: z.string().max(100) })
      .refine((c) => !c.from || !c.to || c.from <= c.to, { message: "Not before the first day", path: ["to"] })
  ),
  lead_time_minutes: Whole(60 * 24 * 30),
  slot_minutes: Whole(24 * 60),
  slot_capacity: Whole(10_000),
  slot_horizon_days: Whole(365).refine((v) => +v >= 1, "1 to 365"),
  hold_days: z.string().trim().refine((v) => v === "" || (/^\d+$/.test(v) && +v >= 1 && +v <= 365), "Empty, or 1 to 365"),
  safety_stock: Whole(1_000_000),
  instructions: z.string().max(2000),
  curbside: z.boolean(),
  phone: z.string().max(50),
  email: z.string().trim().refine((v) => v === "" || /^[^@\s]+@[^@\s]+$/.test(v), "An email address"),
})
export type Values = z.infer<typeof Schema>
export const FIELDS = Object.keys(Schema.shape)

export const toValues = (s: AdminPickupStore): Values => ({
  enabled: s.enabled,
  latitude: s.latitude == null ? "" : String(s.latitude),
  longitude: s.longitude == null ? "" : String(s.longitude),
  timezone: s.timezone,
  hours: Object.fromEntries(DAYS.map(([d]) => [d, (s.hours?.[d] ?? []).map(([open, close]) => ({ open, close }))])) as Values["hours"],
  closures: (s.closures ?? []).map((c) => ({ from: c.from, to: c.to, label: c.label ?? "" })),
  lead_time_minutes: String(s.lead_time_minutes),
  slot_minutes: String(s.slot_minutes),
  slot_capacity: String(s.slot_capacity),
  slot_horizon_days: String(s.slot_horizon_days ?? 30),
  hold_days: s.hold_days == null ? "" : String(s.hold_days),
  safety_stock: String(s.safety_stock),
  instructions: s.instructions ?? "",
  curbside: s.curbside,
  phone: s.phone ?? "",
  email: s.email ?? "",
})

export const toBody = (v: Values) => ({
  enabled: v.enabled,
  latitude: v.latitude === "" ? null : Number(v.latitude),
  longitude: v.longitude === "" ? null : Number(v.longitude),
  timezone: v.timezone,
  hours: Object.fromEntries(DAYS.map(([d]) => [d, v.hours[d].map((r) => [r.open, r.close])])),
  closures: v.closures.map((c) => ({ from: c.from, to: c.to, label: c.label || null })),
  lead_time_minutes: Number(v.lead_time_minutes),
  slot_minutes: Number(v.slot_minutes),
  slot_capacity: Number(v.slot_capacity),
  slot_horizon_days: Number(v.slot_horizon_days),
  hold_days: v.hold_days === "" ? null : Number(v.hold_days),
  safety_stock: Number(v.safety_stock),
  instructions: v.instructions || null,
  curbside: v.curbside,
  phone: v.phone || null,
  email: v.email || null,
})

/** The API names an opening range's times by index (hours.mon.0.1); the form by name. */
export const formPath = (path: string) => path.replace(/^(hours\.\w+\.\d+)\.([01])$/, (_, range, i) => `${range}.${i === "0" ? "open" : "close"}`)

export const NUMBERS: [keyof Values, string, string][] = [
  ["lead_time_minutes", "Preparation lead time", "minutes"],
  ["slot_minutes", "Pickup slot length", "minutes (0: no slots)"],
  ["slot_capacity", "Orders per slot", "orders"],
  ["slot_horizon_days", "Slot horizon", "days ahead a slot may be booked"],
  ["hold_days", "Hold period", "days a ready order waits (empty: the plugin's default)"],
  ["safety_stock", "Safety stock", "units kept back per item"],
]
