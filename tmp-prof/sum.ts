import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
export default async function ({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const om: any = container.resolve(Modules.ORDER)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "total"], pagination: { take: 40 } } as any)
  const times: number[] = []
  let sample: any
  for (const o of orders) {
    const a = performance.now()
    const [x] = await om.listOrders({ id: o.id }, { select: ["id", "customer_id", "email", "sales_channel_id", "currency_code", "created_at", "status", "canceled_at", "updated_at", "items.quantity", "items.product_id", "summary.totals"], relations: ["items", "summary"] })
    times.push(performance.now() - a)
    sample = { total: o.total, summary: x.summary }
  }
  times.sort((a, b) => a - b)
  console.log("PROF", times[20].toFixed(2), JSON.stringify(sample).slice(0, 400))
}
