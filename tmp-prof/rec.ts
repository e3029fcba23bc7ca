import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readPurchases } from "../src/workflows/engagement/steps/record-purchases"
import { ENGAGEMENT_MODULE } from "../src/modules/engagement"

export default async function ({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const engagement: any = container.resolve(ENGAGEMENT_MODULE)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], pagination: { take: 60 } } as any)
  const t: Record<string, number[]> = { read: [], list: [], upsert: [], summary: [] }
  for (const o of orders) {
    let a = performance.now()
    const { purchases } = await readPurchases(container, { id: [o.id] })
    t.read.push(performance.now() - a); a = performance.now()
    await engagement.listPurchases({ order_id: [o.id] }, { take: null })
    t.list.push(performance.now() - a); a = performance.now()
    await engagement.upsertPurchases(purchases)
    t.upsert.push(performance.now() - a); a = performance.now()
    const { data } = await query.graph({ entity: "order", fields: ["id", "summary.totals"], filters: { id: o.id } })
    t.summary.push(performance.now() - a)
    if (o === orders[59]) console.log("SUM", JSON.stringify(data[0]).slice(0, 300), purchases[0].total)
  }
  const med = (x: number[]) => x.slice(10).sort((a, b) => a - b)[Math.floor((x.length - 10) / 2)]
  console.log("PROF", JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, med(v).toFixed(2)]))))
}
