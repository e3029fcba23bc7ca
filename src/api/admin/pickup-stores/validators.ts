import { z } from "@medusajs/framework/zod"
import { isValidTimeZone } from "../../../lib/hours"
import { isCalendarDate } from "../../utils/dates"

export const AdminListPickupStores = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    enabled: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
  })
  .strict()

export type AdminListPickupStoresType = z.infer<typeof AdminListPickupStores>

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "times must be HH:mm")
const Range = z
  .tuple([HHMM, HHMM])
  .refine(([open, close]) => open < close, { message: "opening time must be before closing time" })
const Day = z
  .array(Range)
  .refine(
    (ranges) => {
      const sorted = [...ranges].sort((a, b) => a[0].localeCompare(b[0]))
      return sorted.every((r, i) => i === 0 || sorted[i - 1][1] <= r[0])
    },
    { message: "opening ranges of a day must not overlap" }
  )
const DateStr = z.string().refine(isCalendarDate, { message: "dates must be real dates as YYYY-MM-DD" })
const Count = z.number().int().min(0)

export const AdminUpsertPickupStore = z
  .object({
    enabled: z.boolean().optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    timezone: z.string().refine(isValidTimeZone, { message: "must be an IANA time zone such as Europe/Paris" }).optional(),
    hours: z
      .object({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day })
      .partial()
      .strict()
      .optional(),
    closures: z
      .array(
        z
          .object({ from: DateStr, to: DateStr, label: z.string().max(100).nullable().optional() })
          .strict()
          .refine((c) => c.from <= c.to, { message: "must not be before the first day", path: ["to"] })
      )
      .max(200)
      .optional(),
    lead_time_minutes: Count.max(60 * 24 * 30).optional(),
    slot_minutes: Count.max(24 * 60).optional(),
    slot_capacity: Count.max(10_000).optional(),
    // Days ahead a shopper may book a slot (a year at most): a far slot holds stock until staff cancel it.
    slot_horizon_days: Count.min(1).max(365).optional(),
    hold_days: Count.min(1).max(365).nullable().optional(),
    safety_stock: Count.max(1_000_000).optional(),
    instructions: z.string().max(2000).nullable().optional(),
    curbside: z.boolean().optional(),
    phone: z.string().max(50).nullable().optional(),
    email: z.string().email("must be an email address").nullable().optional(),
  })
  .strict()
  .refine((b) => !(b.slot_minutes && b.slot_minutes > 0 && b.slot_capacity === 0), {
    message: "must be at least 1 when slots are on",
    path: ["slot_capacity"],
  })

export type AdminUpsertPickupStoreType = z.infer<typeof AdminUpsertPickupStore>
