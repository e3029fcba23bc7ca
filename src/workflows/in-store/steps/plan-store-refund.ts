import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

type Payment = {
  id: string
  captures: ({ amount: unknown } | null)[] | null
  refunds: ({ amount: unknown } | null)[] | null
}
type OrderMoney = {
  summary: { pending_difference?: unknown } | null
  payment_collections: ({ payments: (Payment | null)[] | null } | null)[] | null
}

/** `owed`: what Medusa says the shopper is owed; `amount`: what goes back to `payment_id` (the rest, if any, was paid in points). */
export type StoreRefundPlan = { payment_id: string | null; amount: number; owed: number } | null

export const planStoreRefundStepId = "plan-store-refund"

/**
 * What the shopper gets back, as Medusa computes it: after the return is
 * received, the order's pending difference is negative by what is owed for
 * the returned lines (their paid totals, net of discounts and points). It is
 * refunded to the payment that took the money (the card captured online, or
 * the till's payment), never above what that payment still holds.
 */
export const planStoreRefundStep = createStep(planStoreRefundStepId, async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [row] } = await query.graph({
    entity: "order",
    fields: [
      "summary.*",
      "payment_collections.payments.id",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: input.order_id },
  })
  const order = row as unknown as OrderMoney
  const owed = MathBN.mult(MathBN.convert(Number(order.summary?.pending_difference ?? 0)), -1)
  if (!MathBN.gt(owed, 0)) return new StepResponse<StoreRefundPlan>(null)
  const refundable = (order.payment_collections ?? [])
    .flatMap((c) => c?.payments ?? [])
    .flatMap((p) => (p ? [p] : []))
    .map((p) => {
      const sum = (xs: ({ amount: unknown } | null)[] | null) =>
        (xs ?? []).reduce((acc, x) => MathBN.add(acc, Number(x?.amount ?? 0)), MathBN.convert(0))
      return { id: p.id, left: MathBN.sub(sum(p.captures), sum(p.refunds)) }
    })
    .filter((p) => MathBN.gt(p.left, 0))
    .sort((a, b) => (MathBN.gt(a.left, b.left) ? -1 : 1))
  const payment = refundable[0]
  if (!payment) return new StepResponse<StoreRefundPlan>({ payment_id: null, amount: 0, owed: owed.toNumber() })
  const amount = MathBN.lt(owed, payment.left) ? owed : payment.left
  return new StepResponse<StoreRefundPlan>({ payment_id: payment.id, amount: amount.toNumber(), owed: owed.toNumber() })
})
