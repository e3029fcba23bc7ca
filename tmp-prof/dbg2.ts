import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
export default async function ({ container }: ExecArgs) {
  const om: any = container.resolve(Modules.ORDER)
  const [o] = await om.listOrders({}, { select: ["id", "items.product_id", "items.quantity", "summary.totals"], relations: ["items", "summary"], take: 1 })
  console.log("DBG", JSON.stringify(o.items[0]).slice(0, 500))
}
