import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readPurchases } from "../src/workflows/engagement/steps/record-purchases"
export default async function ({ container }: ExecArgs) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.product_id", "items.quantity", "items.detail.quantity"], pagination: { take: 2 } } as any)
  console.log("DBG", JSON.stringify(data).slice(0, 600))
  const r = await readPurchases(container, { id: data.map((d: any) => d.id) })
  console.log("DBG2", JSON.stringify(r).slice(0, 600))
}
