import { z } from "@medusajs/framework/zod"
import { DateOrDateTime } from "../../utils/dates"

/** The feed covers recent purchases: at most a year back (it is read whole for a CSV). */
export const MAX_WINDOW_DAYS = 366

const days = z.coerce.number().int().min(1).max(365).default(30)

/** GET /admin/customers/:id/recent-purchases and GET /store/customers/me/recent-purchases */
export const RecentPurchasesQuery = z
  .object({
    days,
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type RecentPurchasesQueryType = z.infer<typeof RecentPurchasesQuery>

/** GET /admin/recent-purchases: the feed for marketing tools. */
export const AdminRecentPurchasesFeed = z
  .object({
    /** ISO date or date-time; default 30 days ago */
    // A real day; a date-time without a zone is UTC, as a date alone is.
    since: DateOrDateTime("since")
      .transform((s) => s.at)
      .refine((d) => d.getTime() <= Date.now(), { message: "since: must not be in the future" })
      .refine((d) => d.getTime() >= Date.now() - MAX_WINDOW_DAYS * 86400000, {
        message: `since: must be within the last ${MAX_WINDOW_DAYS} days`,
      })
      .optional(),
    format: z.enum(["json", "csv"]).default("json"),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminRecentPurchasesFeedType = z.infer<typeof AdminRecentPurchasesFeed>
