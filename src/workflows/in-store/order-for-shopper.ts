import {
  addShippingMethodToCartWorkflow,
  capturePaymentWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeOmnichannelCartWorkflow } from "../checkout/complete-omnichannel-cart"
import { setCartPickupWorkflow } from "../pickup/set-cart-pickup"
import { chooseAisleDeliveryStep } from "./steps/choose-aisle-delivery"
import { prepareAisleOrderStep, type AisleOrderInput } from "./steps/prepare-aisle-order"

export const orderForShopperWorkflowId = "order-for-shopper"

/** The order as "read-aisle-order" reads it: just placed and paid at the till, so with its collection and payment. */
type AisleOrderRow = { id: string; payment_collections: { payments: { id: string }[] }[] }

/**
 * The endless aisle: what the shop's shelf lacks, ordered at the till for the
 * shopper, delivered or picked up at a store, as any online order is: a
 * Medusa cart (prices, promotions, tax) → the delivery or the store's pickup
 * → paid at the till (session authorized by the till provider) → the
 * plugin's checkout (routing rules, stock at the chosen store, reservations,
 * the pickup code) → the payment captured. The shopper gets the usual
 * notifications and finds it in their history. Any failure compensates every
 * step before it, the cart included.
 */
export const orderForShopperWorkflow = createWorkflow(orderForShopperWorkflowId, (input: AisleOrderInput) => {
  const prepared = prepareAisleOrderStep(input)
  const cart = createCartWorkflow.runAsStep({
    input: transform({ input, prepared }, ({ input, prepared }) => ({
      region_id: prepared.region_id,
      sales_channel_id: prepared.sales_channel_id,
      customer_id: input.customer_id ?? undefined,
      email: input.email,
      items: input.items,
      shipping_address: prepared.shipping_address,
      billing_address: prepared.shipping_address,
      metadata: prepared.metadata,
    })),
  })
  when({ input }, ({ input }) => input.fulfillment.type === "pickup").then(() => {
    setCartPickupWorkflow.runAsStep({
      input: transform({ input, cart }, ({ input, cart }) => ({
        cart_id: cart.id,
        location_id: input.fulfillment.type === "pickup" ? input.fulfillment.location_id : "",
      })),
    })
  })
  when({ input }, ({ input }) => input.fulfillment.type === "delivery").then(() => {
    const optionId = chooseAisleDeliveryStep(
      transform({ input, cart }, ({ input, cart }) => ({
        cart_id: cart.id,
        option_id: input.fulfillment.type === "delivery" ? input.fulfillment.option_id : null,
      }))
    )
    addShippingMethodToCartWorkflow.runAsStep({
      input: transform({ cart, optionId }, ({ cart, optionId }) => ({ cart_id: cart.id, options: [{ id: optionId }] })),
    })
  })
  const collection = createPaymentCollectionForCartWorkflow.runAsStep({
    input: transform({ cart }, ({ cart }) => ({ cart_id: cart.id })),
  })
  createPaymentSessionsWorkflow.runAsStep({
    input: transform({ collection, prepared, input }, ({ collection, prepared, input }) => ({
      payment_collection_id: collection.id,
      provider_id: prepared.payment_provider_id,
      data: { ...input.payment },
      context: {},
    })),
  })
  const placed = completeOmnichannelCartWorkflow.runAsStep({ input: transform({ cart }, ({ cart }) => ({ id: cart.id })) })
  const { data: order } = useQueryGraphStep({
    entity: "order",
    fields: ["id", "display_id", "total", "payment_collections.payments.id", "payment_collections.payments.amount"],
    filters: { id: transform({ placed }, ({ placed }) => placed.id) },
    options: { isList: false },
  }).config({ name: "read-aisle-order" })
  // Paid at the till: the money is in hand, so it is captured now.
  capturePaymentWorkflow.runAsStep({
    input: transform({ order, input }, ({ order, input }) => ({
      payment_id: (order as AisleOrderRow).payment_collections[0].payments[0].id,
      captured_by: input.staff_id,
    })),
  })
  return new WorkflowResponse({ order_id: transform({ placed }, ({ placed }) => placed.id as string) })
})
