import {
  createOrderCreditLinesWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  createReservationsStep,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberValue } from "@medusajs/framework/types"
import type { TillPaymentData } from "../../providers/till-payment/service"
import { earnOrderPointsWorkflow } from "../loyalty/earn-order-points"
import { payAtTillWorkflow } from "./pay-at-till"
import { acquireCheckoutLocksStep } from "../checkout/steps/acquire-checkout-locks"
import { prepareInStoreSaleStep } from "./steps/prepare-in-store-sale"
import { tillStockKeysStep } from "./steps/till-stock-keys"
import { validateTillPointsStep } from "./steps/validate-till-points"
import { redeemCartPointsStep } from "../checkout/steps/redeem-cart-points"
import { LOYALTY_CREDIT_REFERENCE } from "../../lib/loyalty-redemption"

export type InStoreSaleInput = {
  location_id: string
  /** the member; none for a walk-in */
  customer_id?: string | null
  /** a walk-in's email for the receipt (a member's is their account's) */
  email?: string | null
  items: { variant_id: string; quantity: number }[]
  payment: TillPaymentData
  /** the staff member at the till */
  staff_id: string
  /** points paying part of the sale (a member's), by the program's limits */
  points?: number
  /** an exchange: the return this sale replaces */
  exchange_of?: { order_id: string; return_id: string } | null
}

export const createInStoreSaleWorkflowId = "create-in-store-sale"

/** The sale as "read-in-store-sale-owed" reads it: an order just placed always has its summary. */
type OwedRow = { id: string; summary: { pending_difference: BigNumberValue } }

/**
 * A sale at the till, for a member or a walk-in, as a Medusa order of the
 * In-store channel: order → reservations at the store → payment taken by
 * method (cash, the shop's card terminal) →
 * fulfillment at the store from those reservations (stock leaves the shelf)
 * → delivered → points earned like any order, and order.placed. Each core
 * workflow compensates its own steps if a later one fails.
 */
export const createInStoreSaleWorkflow = createWorkflow(createInStoreSaleWorkflowId, (input: InStoreSaleInput) => {
  // From the shelf check until the goods left the shelf, under the items' stock keys:
  // concurrent tills (and online checkouts) selling the last units get exactly that many.
  const locks = acquireCheckoutLocksStep({ keys: tillStockKeysStep(input) })
  const prepared = prepareInStoreSaleStep(input)
  const order = createOrderWorkflow.runAsStep({
    input: transform({ input, prepared }, ({ input, prepared }) => ({
      region_id: prepared.region_id,
      customer_id: input.customer_id ?? undefined,
      email: prepared.email ?? undefined,
      sales_channel_id: prepared.sales_channel_id,
      shipping_address: prepared.shipping_address,
      billing_address: prepared.shipping_address,
      items: input.items.map((i) => ({ variant_id: i.variant_id, quantity: i.quantity })),
      metadata: {
        in_store: true,
        store_location_id: input.location_id,
        sold_by: input.staff_id,
        till_payment: input.payment,
        ...(input.exchange_of ? { exchange_of: input.exchange_of } : {}),
      },
      // any: lines by variant; createOrderWorkflow fills in title and price, though its input type asks for them.
    })) as any,
  })

  createReservationsStep(
    transform({ order, prepared, input }, ({ order, prepared, input }) =>
      (order.items ?? []).flatMap((line) => {
        const v = prepared.variants.find((x) => x.id === line.variant_id)
        if (!v?.manage_inventory) return []
        return (v.inventory_items ?? []).flatMap((ii) => (ii ? [ii] : [])).map((ii) => ({
          line_item_id: line.id,
          inventory_item_id: ii.inventory_item_id,
          location_id: input.location_id,
          quantity: Number(line.quantity) * Number(ii.required_quantity ?? 1),
        }))
      })
    )
  )

  // The total after Medusa's tax lines and promotions (the created order's own
  // total is read before they are applied).
  const { data: priced } = useQueryGraphStep({
    entity: "order",
    fields: ["id", "total", "currency_code", "sales_channel_id"],
    filters: { id: order.id },
    options: { isList: false },
  }).config({ name: "read-in-store-sale-total" })
  // Points pay part of it as online: an order credit line (Medusa's own), the
  // ledger debited under the account lock.
  when({ input }, ({ input }) => (input.points ?? 0) > 0).then(() => {
    const check = validateTillPointsStep(
      transform({ input, priced }, ({ input, priced }) => ({ customer_id: input.customer_id ?? null, points: input.points!, order: priced }))
    )
    createOrderCreditLinesWorkflow.runAsStep({
      input: transform({ priced, check, input }, ({ priced, check, input }) => ({
        id: priced.id,
        credit_lines: [{ amount: check.amount, reference: LOYALTY_CREDIT_REFERENCE, reference_id: check.account_id, metadata: { points: input.points } }],
      })),
    })
    redeemCartPointsStep(
      transform({ priced, check, input }, ({ priced, check, input }) => ({
        order_id: priced.id,
        cart_id: priced.id,
        customer_id: input.customer_id!,
        sales_channel_id: priced.sales_channel_id ?? null,
        points: input.points!,
        amount: check.amount,
      }))
    )
  })
  // What the till charges: what the order still owes after tax, promotions and points.
  const { data: owed } = useQueryGraphStep({
    entity: "order",
    fields: ["id", "summary.*"],
    filters: { id: order.id },
    options: { isList: false },
  }).config({ name: "read-in-store-sale-owed" })
  const paymentCollection = createOrderPaymentCollectionWorkflow.runAsStep({
    input: transform({ owed }, ({ owed }) => ({ order_id: owed.id, amount: MathBN.convert((owed as OwedRow).summary.pending_difference).toNumber() })),
  })
  payAtTillWorkflow.runAsStep({
    input: transform({ owed, paymentCollection, input, prepared }, ({ owed, paymentCollection, input, prepared }) => ({
      payment_collection_id: paymentCollection[0].id,
      provider_id: prepared.payment_provider_id,
      amount: MathBN.convert((owed as OwedRow).summary.pending_difference).toNumber(),
      payment: input.payment,
      staff_id: input.staff_id,
    })),
  })

  const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
    input: transform({ order, input, prepared }, ({ order, input, prepared }) => ({
      order_id: order.id,
      location_id: input.location_id,
      shipping_option_id: prepared.shipping_option_id,
      items: (order.items ?? []).map((l) => ({ id: l.id, quantity: Number(l.quantity) })),
      created_by: input.staff_id,
      no_notification: true,
    })),
  })
  // Held until the goods left the shelf: released after the reservations
  // (measured), a sale passed the shelf check while an earlier sale's
  // fulfilment was moving the stock, then failed Medusa's own inventory check.
  releaseLockStep({ key: locks.keys, ownerId: locks.owner }).config({ name: "release-till-stock-locks" })
  markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
    input: transform({ order, fulfillment }, ({ order, fulfillment }) => ({ orderId: order.id, fulfillmentId: fulfillment.id })),
  })

  // A walk-in has no account to earn on.
  const earned = when({ input }, ({ input }) => !!input.customer_id).then(() =>
    earnOrderPointsWorkflow.runAsStep({ input: transform({ order }, ({ order }) => ({ order_id: order.id })) })
  )
  emitEventStep({ eventName: "order.placed", data: transform({ order }, ({ order }) => ({ id: order.id })) })
  emitEventStep({ eventName: "till_sale.completed", data: transform({ order }, ({ order }) => ({ id: order.id })) }).config({
    name: "emit-till-sale-completed",
  })
  return new WorkflowResponse({ order, earned })
})
