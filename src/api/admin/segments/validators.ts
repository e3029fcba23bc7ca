import { z } from "@medusajs/framework/zod"
import { isCalendarDate } from "../../utils/dates"
import { RFM_GROUPS, SegmentRule } from "../../../modules/engagement/types"

const days = z.number().int().min(1, "must be at least 1").max(3650)
const id = z.string().trim().min(1).max(100)
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (2025-12-01)")
  .refine(isCalendarDate, "must be a real date")
const currency = z.string().trim().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter currency code").transform((s) => s.toLowerCase())

/** Each rule's parameters; an unknown one is a 400 naming it. */
const PARAMS = {
  [SegmentRule.RECENT_BUYERS]: z.object({ days, sales_channel_id: id.optional() }).strict(),
  [SegmentRule.CATEGORY_BUYERS]: z.object({ category_id: id, days: days.optional(), sales_channel_id: id.optional() }).strict(),
  [SegmentRule.SEASONAL_BUYERS]: z
    .object({ from: isoDate, to: isoDate, sales_channel_id: id.optional() })
    .strict()
    .refine((p) => p.from <= p.to, { message: "must not be after to", path: ["from"] }),
  [SegmentRule.CART_ABANDONERS]: z
    .object({
      idle_hours: z.number().int().min(1, "must be at least 1").max(24 * 30).default(4),
      within_days: days.max(90).default(30),
    })
    .strict()
    .refine((p) => p.idle_hours < p.within_days * 24, { message: "must be shorter than within_days", path: ["idle_hours"] }),
  [SegmentRule.HIGH_VALUE]: z
    .object({
      top_percent: z.number().gt(0, "must be more than 0").max(100).optional(),
      min_spend: z.number().gt(0, "must be more than 0").optional(),
      currency_code: currency.optional(),
      sales_channel_id: id.optional(),
    })
    .strict()
    .refine((p) => (p.top_percent === undefined) !== (p.min_spend === undefined), {
      message: "give either top_percent or min_spend",
      path: ["top_percent"],
    }),
  [SegmentRule.LAPSED]: z.object({ days, sales_channel_id: id.optional() }).strict(),
  [SegmentRule.SUBSCRIBERS]: z.object({}).strict(),
  [SegmentRule.ACCOUNT_HOLDERS]: z.object({}).strict(),
  [SegmentRule.OMNICHANNEL]: z
    .object({ days: days.default(365), min_channels: z.number().int().min(2, "must be at least 2").max(20).default(2) })
    .strict(),
  [SegmentRule.RFM]: z.object({ group: z.enum(RFM_GROUPS) }).strict(),
} as const

const name = z.string().trim().min(1).max(120)
const handle = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "must be lowercase letters, digits and dashes")

/** POST /admin/segments */
export const AdminCreateSegment = z
  .object({
    name,
    handle: handle.optional(),
    description: z.string().max(1000).nullish(),
    rule: z.enum(SegmentRule),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .superRefine((body, ctx) => {
    const parsed = PARAMS[body.rule].safeParse(body.params)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === "unrecognized_keys" ? issue.keys : [null]
        for (const key of keys) {
          ctx.addIssue({
            code: "custom",
            message: key ? "Unknown field" : issue.message,
            path: ["params", ...issue.path, ...(key ? [key] : [])] as (string | number)[],
          })
        }
      }
    }
  })
  .transform((body) => ({
    ...body,
    handle: body.handle ?? handleOf(body.name),
    params: PARAMS[body.rule].parse(body.params) as Record<string, unknown>,
  }))
export type AdminCreateSegmentType = z.infer<typeof AdminCreateSegment>

/** POST /admin/segments/:id: the rule stays; its parameters are checked against it by the route. */
export const AdminUpdateSegment = z
  .object({
    name: name.optional(),
    description: z.string().max(1000).nullish(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
export type AdminUpdateSegmentType = z.infer<typeof AdminUpdateSegment>

/** A rule's parameters, or the 400 issues naming each field under `params`. */
export function parseParams(rule: SegmentRule, params: unknown) {
  return PARAMS[rule].safeParse(params)
}

export const AdminSegmentMembers = z
  .object({
    format: z.enum(["json", "csv"]).default("json"),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminSegmentMembersType = z.infer<typeof AdminSegmentMembers>

export function handleOf(name: string) {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
  return slug || "segment"
}
