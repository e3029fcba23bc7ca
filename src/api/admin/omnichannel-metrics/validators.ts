import { z } from "@medusajs/framework/zod"
import { DateOrDateTime } from "../../utils/dates"

/** ISO date or date-time of a real day; a date-time without a zone is UTC, as a date alone is. */
const instant = DateOrDateTime

/** GET /admin/omnichannel-metrics */
export const AdminOmnichannelMetrics = z
  .object({
    /** default: the first day of the month eleven months back (twelve whole months with this one) */
    from: instant("from").optional(),
    /** default: now; a date alone counts whole (up to the end of that day, UTC) */
    to: instant("to").optional(),
    /** a sales channel id: only its orders count */
    channel: z.string().trim().min(1).optional(),
    /** default: the store's default currency */
    currency_code: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, { message: "currency_code: must be a three-letter ISO code" })
      .transform((c) => c.toLowerCase())
      .optional(),
  })
  .strict()
  .transform((q) => {
    const to = q.to ? (q.to.dateOnly ? new Date(q.to.at.getTime() + 86400000) : q.to.at) : new Date()
    // twelve months ending with the window's last instant's month (a `to` on the 1st ends the month before)
    const last = new Date(to.getTime() - 1)
    const from = q.from?.at ?? new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 11, 1))
    return { from, to, channel: q.channel, currency_code: q.currency_code }
  })
  .refine((q) => q.from < q.to, { message: "from: must be before to", path: ["from"] })
  // The cohort grid is month by month (a 64-bit mask per customer in SQL): five years at most.
  .refine((q) => q.to.getTime() - q.from.getTime() <= 1827 * 86400000, { message: "from: the window is at most five years", path: ["from"] })
export type AdminOmnichannelMetricsType = z.infer<typeof AdminOmnichannelMetrics>
