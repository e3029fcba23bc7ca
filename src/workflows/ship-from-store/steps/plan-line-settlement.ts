import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { settlementFor, type SettlementOrder } from "../../pickup-desk/collect-pickup"

export type LineSettlement = {
  /** an authorized payment captured for the order without the line, before the edit */
  capture: { payment_id: string; amount: number } | null
  /** a captured payment refunded the line's value, after the edit */
  refund: { payment_id: string; amount: number } | null
}

export const planLineSettlementStepId = "plan-line-settlement"

/**
 * How the payment settles a line no location can send, read before the
 * order edit takes it off: as at a pickup hand-over with rejected items
 * (settlementFor), what is due is the order total less the line's value. An
 * authorized payment is captured for that now, before the edit (Medusa's
 * order edit would otherwise cancel the authorization and ask the shopper to
 * pay again); a captured one is refunded the difference after it.
 */
export const planLineSettlementStep = createStep(
  planLineSettlementStepId,
  async (input: { order_id: string | null; line_item_id: string; quantity: number }, { container }) => {
    if (!input.order_id) return new StepResponse<LineSettlement>({ capture: null, refund: null })
    const {
      data: [order],
    } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "total",
        "currency_code",
        "items.id",
        "items.quantity",
        "items.total",
        "payment_collections.payments.id",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.amount",
      ],
      filters: { id: input.order_id },
    })
    const plan = settlementFor(order as unknown as SettlementOrder, [{ line_item_id: input.line_item_id, quantity: input.quantity }])
    return new StepResponse<LineSettlement>({
      capture: plan.capture && plan.capture.amount > 0 ? plan.capture : null,
      refund: plan.refund && plan.refund.amount > 0 ? plan.refund : null,
    })
  }
)
