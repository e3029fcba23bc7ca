import { z } from "@medusajs/framework/zod"

export const AdminRepairStockDrift = z
  .object({ level_ids: z.array(z.string().min(1).max(64)).min(1).max(1000).optional() })
  .strict()
