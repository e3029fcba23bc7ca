import { z } from "@medusajs/framework/zod"
import { CalendarDate } from "../utils/dates"

const asArray = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])
const Id = (prefix: string, field: string) =>
  z.string().regex(new RegExp(`^${prefix}_[0-9A-Za-z]{1,64}$`), `${field}: must be a ${prefix}_… id`)

export const StoreListPickupStores = z
  .object({
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
    radius_km: z.coerce.number().positive().max(20_000).optional(),
    q: z.string().trim().min(1).max(100).optional(),
    /** nearest first from this postal code (the plugin's geocoder), instead of lat/lng */
    postal_code: z.string().trim().min(2).max(12).optional(),
    country_code: z.string().trim().length(2, "country_code: a two-letter country code").toLowerCase().optional(),
    cart_id: Id("cart", "cart_id").optional(),
    variant_ids: z.preprocess(asArray, z.array(Id("variant", "variant_ids")).min(1).max(100)).optional(),
    quantities: z.preprocess(asArray, z.array(z.coerce.number().int().min(1).max(10_000)).max(100)).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      ctx.addIssue({ code: "custom", path: [q.lat === undefined ? "lat" : "lng"], message: `${q.lat === undefined ? "lat" : "lng"}: lat and lng go together` })
    }
    if (q.postal_code !== undefined && q.lat !== undefined) {
      ctx.addIssue({ code: "custom", path: ["postal_code"], message: "postal_code: give lat/lng or postal_code, not both" })
    }
    if (q.country_code !== undefined && q.postal_code === undefined) {
      ctx.addIssue({ code: "custom", path: ["country_code"], message: "country_code: goes with postal_code" })
    }
    if (q.radius_km !== undefined && q.lat === undefined && q.postal_code === undefined) {
      ctx.addIssue({ code: "custom", path: ["radius_km"], message: "radius_km: needs lat and lng, or postal_code" })
    }
    if (q.cart_id && q.variant_ids) {
      ctx.addIssue({ code: "custom", path: ["variant_ids"], message: "variant_ids: give cart_id or variant_ids, not both" })
    }
    if (q.quantities && (!q.variant_ids || q.quantities.length !== q.variant_ids.length)) {
      ctx.addIssue({ code: "custom", path: ["quantities"], message: "quantities: one quantity per variant_ids entry" })
    }
  })
export type StoreListPickupStoresType = z.infer<typeof StoreListPickupStores>

export const StoreGetSlots = z
  .object({ date: CalendarDate("date") })
  .strict()
export type StoreGetSlotsType = z.infer<typeof StoreGetSlots>

export const StoreSetCartPickup = z
  .object({
    location_id: Id("sloc", "location_id"),
    slot_start: z.string().datetime({ offset: true, message: "must be an ISO date-time" }).optional().nullable(),
    pickup_person: z
      .object({
        name: z.string().trim().min(1).max(200),
        email: z.string().email("pickup_person.email: must be an email address").optional().nullable(),
        phone: z.string().trim().min(3).max(50).optional().nullable(),
      })
      .strict()
      .optional()
      .nullable(),
  })
  .strict()
export type StoreSetCartPickupType = z.infer<typeof StoreSetCartPickup>

export const StoreListMyPickups = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    /** the pickup of one order (an order page) */
    order_id: Id("order", "order_id").optional(),
  })
  .strict()
export type StoreListMyPickupsType = z.infer<typeof StoreListMyPickups>

export const CartIdParam = Id("cart", "id")

export const StoreMarkArrived = z.object({ note: z.string().trim().max(500).optional() }).strict()
export type StoreMarkArrivedType = z.infer<typeof StoreMarkArrived>

export const StoreOrderHistory = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    channel: z.string().trim().min(1).max(100).optional(),
    status: z.enum(["pending", "completed", "draft", "archived", "canceled", "requires_action"]).optional(),
  })
  .strict()
export type StoreOrderHistoryType = z.infer<typeof StoreOrderHistory>
