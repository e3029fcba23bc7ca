import { z } from "@medusajs/framework/zod"

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
