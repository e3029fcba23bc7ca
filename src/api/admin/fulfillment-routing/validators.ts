import { z } from "@medusajs/framework/zod"
import { ROUTING_RULES } from "../../../lib/routing"

const id = z.string().trim().min(1).max(100)

const Policy = z
  .object({
    enabled: z.boolean().optional(),
    rules: z
      .array(z.enum(ROUTING_RULES))
      .min(1)
      .max(ROUTING_RULES.length)
      .refine((r) => new Set(r).size === r.length, "Each rule once"),
    priority: z
      .array(id)
      .max(5000)
      .refine((p) => new Set(p).size === p.length, "Each location once")
      .optional(),
  })
  .strict()

const LocationSettings = z
  .object({
    location_id: id,
    ships: z.boolean().nullable().optional(),
    safety_stock: z.number().int().min(0).max(1_000_000).optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
  })
  .strict()
  .refine((l) => (l.latitude == null) === (l.longitude == null), {
    message: "Give both latitude and longitude, or neither",
    path: ["longitude"],
  })

/** POST /admin/fulfillment-routing: what changes; anything left out stays. `null` removes a policy. */
export const AdminUpdateFulfillmentRouting = z
  .object({
    default: Policy.nullable().optional(),
    channels: z
      .array(z.object({ sales_channel_id: id, policy: Policy.nullable() }).strict())
      .max(1000)
      .optional(),
    locations: z.array(LocationSettings).max(5000).optional(),
  })
  .strict()

export type AdminUpdateFulfillmentRoutingType = z.infer<typeof AdminUpdateFulfillmentRouting>
