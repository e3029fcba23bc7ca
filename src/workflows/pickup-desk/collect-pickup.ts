import {
  capturePaymentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { PickupStatus, type PickupActor, type RejectedItem } from "../../modules/pickup/types"
import { loadPickupStep } from "./steps/load-pickup"
import { transitionPickupStep } from "./steps/transition-pickup"
import { verifyPickupCodeStep } from "./steps/verify-pickup-code"
import { fractionDigits } from "../../lib/money"

export type CollectedBy = { name: string; relation?: string | null }

export type CollectPickupWorkflowInput = {
  pickup_id: string
  actor: PickupActor
  /** who took the order; absent = the pickup person (or the customer) */
  collected_by?: CollectedBy | null
  /** the code the collector shows: checked here, with the wrong-code limits */
  code: string
}

export const COLLECT_FROM = [PickupStatus.READY, PickupStatus.PARTIALLY_READY]

/**
 * What the payment must settle at hand-over: the order total less what was
 * rejected (each rejected unit at its line's price, tax included). An
 * authorized payment is captured for that; one already captured in full (a
 * provider that captures at checkout) is refunded the rejected part.
 */
type Amount = BigNumberInput
type SettlementPayment = {
  id: string
  captured_at?: Date | string | null
  canceled_at?: Date | string | null
  captures?: ({ amount: Amount } | null)[] | null
}
/** The order as settlementFor reads it (loadPickupStep's fields). */
export type SettlementOrder = {
  total: Amount
  currency_code: string
  items?: ({ id: string; quantity: Amount; total: Amount } | null)[] | null
  payment_collections?: ({ payments?: (SettlementPayment | null)[] | null } | null)[] | null
}

export function settlementFor(order: SettlementOrder, rejected: Pick<RejectedItem, "line_item_id" | "quantity">[] | null) {
  const lines = new Map((order.items ?? []).flatMap((i) => (i ? [[i.id, i] as const] : [])))
  let rejectedValue = MathBN.convert(0)
  for (const r of rejected ?? []) {
    const line = lines.get(r.line_item_id)
    if (!line || !Number(line.quantity)) continue
    rejectedValue = MathBN.add(rejectedValue, MathBN.div(MathBN.mult(line.total, r.quantity), line.quantity))
  }
  const due = MathBN.sub(order.total, rejectedValue)
  const payments = (order.payment_collections ?? [])
    .flatMap((pc) => pc?.payments ?? [])
    .filter((p): p is SettlementPayment => !!p)
  const uncaptured = payments.filter((p) => !p.captured_at && !(p.captures ?? []).length)
  // A live authorization first. A voided one is still tried, so that the
  // hand-over fails (and compensates) rather than giving goods away unpaid.
  const toCapture = uncaptured.find((p) => !p.canceled_at) ?? uncaptured[0]
  const captured = payments.filter((p) => p.captured_at || (p.captures ?? []).length)
  const capturedTotal = captured.reduce(
    (sum, p) => MathBN.add(sum, (p.captures ?? []).reduce((s, c) => (c ? MathBN.add(s, c.amount) : s), MathBN.convert(0))),
    MathBN.convert(0)
  )
  // To the currency's minor unit (cents for EUR, none for JPY), as providers charge.
  const digits = fractionDigits(order.currency_code)
  const round = (v: Amount) => Math.round(MathBN.convert(v).toNumber() * 10 ** digits) / 10 ** digits
  if (toCapture) {
    return { capture: { payment_id: toCapture.id, amount: round(MathBN.sub(due, capturedTotal)) }, refund: null }
  }
  const over = round(MathBN.sub(capturedTotal, due))
  return { capture: null, refund: over > 0 && captured[0] ? { payment_id: captured[0].id, amount: over } : null }
}

export const collectPickupWorkflowId = "collect-pickup"

/**
 * ready / partially_ready → collected:
 * 0. the collector's code must be this pickup's (wrong codes counted and
 *    limited: 400, then 429);
 * 1. claim the transition under the row lock (a second hand-over is a 409);
 * 2. settle the payment: capture what is due (or refund rejected items);
 * 3. mark Medusa's fulfillment delivered;
 * 4. pickup.collected.
 * If the capture or the delivery fails, compensation puts the pickup back as
 * it was; nothing is delivered.
 */
export const collectPickupWorkflow = createWorkflow(collectPickupWorkflowId, (input: CollectPickupWorkflowInput) => {
  const { pickup, order } = loadPickupStep({ pickup_id: input.pickup_id })
  verifyPickupCodeStep(
    transform({ input, pickup }, ({ input, pickup }) => ({
      location_id: pickup.location_id as string,
      actor: input.actor,
      code: input.code,
      pickup_id: input.pickup_id,
    }))
  )

  const plan = transform({ pickup, order }, ({ pickup, order }) => {
    const fulfillments = (order.fulfillments ?? []) as ({ id: string; canceled_at: Date | string | null } | null)[]
    const fulfillment = fulfillments.find((f) => f?.id === pickup.fulfillment_id)
    if (COLLECT_FROM.includes(pickup.status) && (!fulfillment || fulfillment.canceled_at)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Pickup ${pickup.id} has no fulfillment to hand over`)
    }
    return { fulfillment_id: fulfillment?.id as string, ...settlementFor(order as SettlementOrder, pickup.rejected_items) }
  })

  transitionPickupStep(
    transform({ input, pickup }, ({ input, pickup }) => {
      const collectedBy = input.collected_by ?? (pickup.pickup_person ? { name: pickup.pickup_person.name } : null)
      return {
        pickup_id: input.pickup_id,
        from: COLLECT_FROM,
        to: PickupStatus.COLLECTED,
        action: "collect",
        actor: input.actor,
        data: { collected_at: new Date(), collected_by: collectedBy, handed_over_by: input.actor.id },
        activity: collectedBy ? { collected_by: collectedBy } : null,
      }
    })
  )

  when({ plan }, ({ plan }) => !!plan.capture && plan.capture.amount > 0).then(() => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({
        payment_id: plan.capture!.payment_id,
        amount: plan.capture!.amount,
        captured_by: input.actor.id ?? undefined,
      })),
    })
  })
  when({ plan }, ({ plan }) => !!plan.refund).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({
        payment_id: plan.refund!.payment_id,
        amount: plan.refund!.amount,
        created_by: input.actor.id ?? undefined,
        note: "Items rejected at pickup",
      })),
    })
  })

  markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
    input: transform({ pickup, plan }, ({ pickup, plan }) => ({ orderId: pickup.order_id, fulfillmentId: plan.fulfillment_id })),
  })

  emitEventStep({
    eventName: "pickup.collected",
    data: transform({ input }, ({ input }) => ({ id: input.pickup_id })),
  })
  const pickupCollected = createHook("pickupCollected", { pickup_id: input.pickup_id })
  return new WorkflowResponse(plan, { hooks: [pickupCollected] })
})
