import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

export type LineRefund = { payment_id: string; amount: BigNumberInput; created_by?: string; note: string }

type Money = { raw_amount?: BigNumberInput | null; amount?: BigNumberInput | null }
const sum = (rows?: (Money | null)[] | null) =>
  (rows ?? []).reduce((total, r) => MathBN.add(total, r?.raw_amount ?? r?.amount ?? 0), MathBN.convert(0))

/**
 * What the shopper gets back once a line is taken off the order: the order's
 * pending difference after the edit, when it is below zero (more was captured
 * than the order now costs), drawn from its captured payments in turn, each
 * up to what it still holds (captured less refunded). An order whose payment
 * is only authorized owes nothing back: it is captured for the new total.
 * No order (the line moved elsewhere): nothing.
 */
export const planLineRefundStep = createStep(
  "plan-line-refund",
  async (input: { order_id: string | null; created_by?: string; reason: string }, { container }) => {
    if (!input.order_id) return new StepResponse([] as LineRefund[])
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "summary",
        "payment_collections.payments.id",
        "payment_collections.payments.captures.raw_amount",
        "payment_collections.payments.refunds.raw_amount",
      ],
      filters: { id: input.order_id },
    })
    const pending = MathBN.convert((order?.summary as any)?.raw_pending_difference ?? (order?.summary as any)?.pending_difference ?? 0)
    let owed = MathBN.lt(pending, 0) ? MathBN.mult(pending, -1) : MathBN.convert(0)
    const refunds: LineRefund[] = []
    for (const payment of (order?.payment_collections ?? []).flatMap((c: any) => c?.payments ?? [])) {
      if (!MathBN.gt(owed, 0)) break
      const held = MathBN.sub(sum(payment.captures), sum(payment.refunds))
      if (!MathBN.gt(held, 0)) continue
      const amount = MathBN.lt(held, owed) ? held : owed
      refunds.push({ payment_id: payment.id, amount: amount.toNumber(), created_by: input.created_by, note: input.reason })
      owed = MathBN.sub(owed, amount)
    }
    return new StepResponse(refunds)
  }
)
