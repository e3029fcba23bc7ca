import { z } from "@medusajs/framework/zod"
import { AbandonedCartStatus } from "../../../modules/engagement/types"

export const AdminAbandonedCarts = z
  .object({
    status: z.enum(AbandonedCartStatus).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminAbandonedCartsType = z.infer<typeof AdminAbandonedCarts>
