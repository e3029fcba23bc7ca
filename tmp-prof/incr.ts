import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordOrderEngagementWorkflow, syncCustomerSegmentsWorkflow } from "../src/workflows/engagement"
import { evaluateSegments } from "../src/lib/segments"
import { ENGAGEMENT_MODULE } from "../src/modules/engagement"

export default async function ({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const engagement: any = container.resolve(ENGAGEMENT_MODULE)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], pagination: { take: 60 } } as any)
  const segs = await engagement.listSegments({}, { take: null })
  const t = { record: [] as number[], sync: [] as number[], evalOnly: [] as number[], syncBench: [] as number[] }
  const per: Record<string, number[]> = {}
  for (let i = 0; i < orders.length; i++) {
    let a = performance.now()
    const { result } = await recordOrderEngagementWorkflow(container).run({ input: { order_ids: [orders[i].id] } })
    t.record.push(performance.now() - a)
    a = performance.now()
    await syncCustomerSegmentsWorkflow(container).run({ input: { customer_id: result.customer_ids[0] } })
    t.sync.push(performance.now() - a)
    a = performance.now()
    await evaluateSegments(container, segs, { now: new Date(), customerIds: result.customer_ids })
    t.evalOnly.push(performance.now() - a)
    a = performance.now()
    await syncCustomerSegmentsWorkflow(container).run({ input: { customer_id: `cus_bench${String(1 + i * 97).padStart(8, "0")}` } })
    t.syncBench.push(performance.now() - a)
    a = performance.now()
    for (const s of segs) { const t0 = performance.now(); await evaluateSegments(container, [s], { now: new Date(), customerIds: result.customer_ids }); (per[s.handle] ??= []).push(performance.now() - t0) }
  }
  const med = (x: number[]) => x.slice(10).sort((a, b) => a - b)[Math.floor((x.length - 10) / 2)]
  console.log("PROF", JSON.stringify({ record: med(t.record), sync: med(t.sync), evalOnly: med(t.evalOnly), syncBench: med(t.syncBench), per: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, med(v).toFixed(1)])) }))
}
