import { z } from "@medusajs/framework/zod"

const isoDate = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/
/** ISO date or date-time; a date-time without a zone is UTC, as a date alone is. */
const instant = (field: string) =>
  z
    .string()
    .trim()
    .refine((s) => isoDate.test(s) && !Number.isNaN(Date.parse(s)), {
      message: `${field}: must be an ISO date or date-time (2026-01-01 or 2026-01-01T00:00:00Z)`,
    })
    .transform((s) => ({
      at: new Date(/[T ]/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s.replace(" ", "T")}Z` : s),
      dateOnly: !/[T ]/.test(s),
    }))

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
