import {
  acquireLockStep,
  completeCartWorkflow,
  emitEventStep,
  releaseLockStep,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import {
  createHook,
  createWorkflow,
  parallelize,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireCheckoutLocksStep } from "./steps/acquire-checkout-locks"
import { createPickupOrderStep, type PlacedOrder } from "./steps/create-pickup-order"
import { checkoutLockKeys, loadCheckoutStep, type LoadCheckoutInput } from "./steps/load-checkout"
import { redeemCartPointsStep } from "./steps/redeem-cart-points"
import { allocateDeliveryStep, orderPlacements } from "./steps/allocate-delivery"
import { placeReservationsStep } from "./steps/place-reservations"
import { planHomeDeliveryStep } from "./steps/plan-home-delivery"
import { recordAllocationStep } from "./steps/record-allocation"
import { splitCartLinesStep } from "./steps/split-cart-lines"
import { validateCheckoutPointsStep } from "./steps/validate-checkout-points"
import { validatePickupCheckoutStep } from "./steps/validate-pickup-checkout"

export const completeOmnichannelCartWorkflowId = "complete-omnichannel-cart"

export type CompleteOmnichannelCartInput = {
  id: string
  /** optional: the cart's shipping options as the caller classified them (see LoadCheckoutInput) */
  shipping_options?: LoadCheckoutInput["shipping_options"]
}

/**
 * Completes a cart that is picked up in a store, delivered (by the channel's
 * routing rules, or from its shipping option's location), or paid partly with points, around Medusa's own completeCartWorkflow (run as a step, so its hooks, and
 * other plugins' handlers on them, run as usual). The plugin takes no core hook.
 *
 * 1. core's cart lock (as completeCartWorkflow takes it when run alone), then
 *    what the checkout involves: the store of the cart's pickup option, slot,
 *    collector, points;
 * 2. the checkout locks (items of a pickup or routed delivery, its slot, the
 *    customer's points), then the checks: stock at the store net of safety
 *    stock, slot room, the delivery's allocation to shipping locations, points
 *    limits (409, nothing written);
 * 3. a routed delivery line no single location ships whole split into one
 *    cart line per location; core completion: order, reservations (at the channel's first location
 *    with stock), payment authorization;
 * 4. the pickup's reservations replaced at its store and its record created,
 *    side by side (a routed delivery: each line's reservation replaced at its
 *    allocated location, the allocation recorded; a delivery without rules:
 *    at its option's location where it has the stock); the points debited under
 *    the account lock;
 * 5. locks released; `pickup.placed` and `loyalty.points_redeemed` emitted.
 *
 * A failure anywhere compensates every step before it (core's completion
 * included: order, reservations and payment). A retried request for a cart
 * that already has its order skips the checks and core completion and
 * finishes only what is missing (each later step is idempotent).
 * POST /store/carts/:id/complete runs it for such carts (src/api/middlewares.ts);
 * an app with its own completion route runs it instead of completeCartWorkflow.
 */
export const completeOmnichannelCartWorkflow = createWorkflow(
  completeOmnichannelCartWorkflowId,
  (input: CompleteOmnichannelCartInput) => {
    acquireLockStep({ key: input.id, timeout: 30, ttl: 120 })
    const plan = loadCheckoutStep(
      transform({ input }, ({ input }) => ({ cart_id: input.id, shipping_options: input.shipping_options ?? null }))
    )
    const locks = acquireCheckoutLocksStep({ keys: transform({ plan }, ({ plan }) => checkoutLockKeys(plan)) })

    const validate = createHook("validate", { input, plan })
    validatePickupCheckoutStep(plan)
    const allocation = allocateDeliveryStep(plan)
    const home = planHomeDeliveryStep(plan)
    const points = validateCheckoutPointsStep(plan)

    // A line no single location ships whole: one cart line per location, before core reads the cart.
    splitCartLinesStep(transform({ input, allocation }, ({ input, allocation }) => ({ cart_id: input.id, allocation })))

    const completed = when("cart-not-completed-yet", { plan }, ({ plan }) => !plan.order_id).then(() =>
      completeCartWorkflow.runAsStep({ input: { id: input.id } })
    )
    const orderId = transform({ plan, completed }, ({ plan, completed }) => (plan.order_id ?? completed!.id) as string)

    const pickup = when("cart-is-picked-up", { plan }, ({ plan }) => !!plan.pickup).then(() => {
      // One read of the new order for both steps: its items (whose
      // reservations move) and what the pickup record copies of it.
      const { data: orders } = useQueryGraphStep({
        entity: "order",
        fields: [
          "id", "display_id", "email", "customer_id", "customer.first_name", "customer.last_name", "items.id",
          "shipping_address.first_name", "shipping_address.last_name", "billing_address.first_name", "billing_address.last_name",
        ],
        filters: { id: orderId },
      }).config({ name: "read-placed-order" })
      const order = transform({ orders }, ({ orders }) => orders[0] as PlacedOrder & { items?: { id: string }[] })
      const [, record] = parallelize(
        placeReservationsStep(
          transform({ plan, order }, ({ plan, order }) => ({
            placements: (order.items ?? []).map((i) => ({ line_item_id: i.id, location_id: plan.pickup!.location_id })),
            floors: [
              { location_id: plan.pickup!.location_id, name: plan.pickup!.store_name, safety_stock: plan.pickup!.store.safety_stock },
            ],
          }))
        ),
        createPickupOrderStep(
          transform({ plan, order }, ({ plan, order }) => ({
            order,
            cart_id: plan.cart_id,
            pickup: plan.pickup!,
            retry: !!plan.order_id,
          }))
        )
      )
      return record
    })

    // A routed delivery: each line's reservation where the routing rules chose, and the allocation recorded.
    when("delivery-is-routed", { allocation }, ({ allocation }) => !!allocation).then(() => {
      const { data: orders } = useQueryGraphStep({
        entity: "order",
        fields: ["id", "items.id", "items.variant_id", "items.quantity", "items.raw_quantity"],
        filters: { id: orderId },
      }).config({ name: "read-routed-order" })
      const placements = transform({ orders, allocation }, ({ orders, allocation }) =>
        orderPlacements(allocation!, (orders[0]?.items ?? []) as Parameters<typeof orderPlacements>[1])
      )
      parallelize(
        placeReservationsStep(
          transform({ placements, allocation }, ({ placements, allocation }) => ({
            placements: placements.map((p) => ({ line_item_id: p.line_item_id, location_id: p.location_id })),
            floors: allocation!.locations,
          }))
        ).config({ name: "place-routed-reservations" }),
        recordAllocationStep(transform({ placements, orderId }, ({ placements, orderId }) => ({ order_id: orderId, placements })))
      )
    })

    // A delivery without routing rules: its stock at its option's location, where that location has it.
    when("delivery-ships-from-its-option", { home }, ({ home }) => !!home).then(() => {
      const { data: orders } = useQueryGraphStep({
        entity: "order",
        fields: ["id", "items.id", "items.variant_id"],
        filters: { id: orderId },
      }).config({ name: "read-home-delivery-order" })
      placeReservationsStep(
        transform({ orders, home }, ({ orders, home }) => ({
          placements: ((orders[0]?.items ?? []) as { id: string; variant_id: string | null }[])
            .filter((i) => i.variant_id && home!.variant_ids.includes(i.variant_id))
            .map((i) => ({ line_item_id: i.id, location_id: home!.location_id })),
          floors: [{ location_id: home!.location_id, name: home!.name, safety_stock: 0 }],
        }))
      ).config({ name: "place-home-delivery-reservations" })
    })

    const redeemed = when("cart-has-points", { points }, ({ points }) => !!points).then(() => {
      return redeemCartPointsStep(
        transform({ plan, points, orderId }, ({ plan, points, orderId }) => ({
          order_id: orderId,
          cart_id: plan.cart_id,
          customer_id: plan.customer_id!,
          sales_channel_id: plan.sales_channel_id,
          points: points!.points,
          amount: points!.amount,
        }))
      )
    })

    releaseLockStep({ key: locks.keys, ownerId: locks.owner, executeOnSubWorkflow: true }).config({
      name: "release-omnichannel-checkout-locks",
    })
    releaseLockStep({ key: input.id }).config({ name: "release-cart-lock" })

    when("pickup-created", { pickup }, ({ pickup }) => !!pickup?.created).then(() => {
      emitEventStep({
        eventName: "pickup.placed",
        data: transform({ pickup }, ({ pickup }) => ({ id: pickup!.id })),
      }).config({ name: "emit-pickup-placed" })
    })

    when("points-redeemed", { redeemed }, ({ redeemed }) => !!redeemed).then(() => {
      emitEventStep({
        eventName: "loyalty.points_redeemed",
        data: transform({ redeemed }, ({ redeemed }) => ({
          id: redeemed!.id,
          account_id: redeemed!.account_id,
          order_id: redeemed!.order_id,
          points: -redeemed!.points,
        })),
      }).config({ name: "emit-points-redeemed" })
    })

    const placed = createHook("checkoutCompleted", {
      order_id: orderId,
      cart_id: input.id,
      pickup_id: transform({ pickup }, ({ pickup }) => pickup?.id ?? null),
    })
    return new WorkflowResponse({ id: orderId }, { hooks: [validate, placed] })
  }
)
