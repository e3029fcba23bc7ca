import { emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireCheckoutLocksStep } from "./steps/acquire-checkout-locks"
import { createPickupOrderStep } from "./steps/create-pickup-order"
import { loadStrayPickupStep } from "./steps/load-stray-pickup"
import { recordPickupProblemStep } from "./steps/record-pickup-problem"
import { settleStrayReservationsStep } from "./steps/settle-stray-reservations"

export const ensurePickupPlacedWorkflowId = "ensure-pickup-placed"

/**
 * The safety net behind SPEC invariant 1, for a pickup completed by any path
 * (run on order.placed and by the hourly job): its reservations replaced at
 * its store, exactly as a checkout places them, and its pickup record created
 * (with its code; `pickup.placed` tells the shopper). When the store lacks
 * the stock the reservations stay where Medusa put them and the pickup's
 * timeline says so (`stock_problem`), for the merchant. Idempotent: a pickup
 * already whole is left alone, so the plugin's own checkouts cost one read.
 * Under the items' checkout locks, so it never races a checkout placing it.
 */

export const ensurePickupPlacedWorkflow = createWorkflow(ensurePickupPlacedWorkflowId, (input: { order_id: string }) => {
  // A first look without locks: most orders are no pickup, or one already whole (no lock, no second read).
  const first = loadStrayPickupStep({ order_id: input.order_id })
  const locks = acquireCheckoutLocksStep({
    keys: transform({ first }, ({ first }) => (first?.inventory_item_ids ?? []).map((id) => `omnichannel:stock:${id}`)),
  })
  // Again under the locks: a checkout still placing it has finished by now.
  const stray = loadStrayPickupStep(
    transform({ input, first }, ({ input, first }) => ({ order_id: input.order_id, skip: !first }))
  ).config({ name: "reload-stray-pickup" })
  const placed = when("pickup-is-stray", { stray }, ({ stray }) => !!stray).then(() => {
    const settled = settleStrayReservationsStep(transform({ stray }, ({ stray }) => stray!))
    const created = createPickupOrderStep(
      transform({ stray }, ({ stray }) => ({ order: stray!.order, cart_id: stray!.cart_id ?? "", pickup: stray!.pickup, retry: true }))
    )
    return transform({ created, settled }, ({ created, settled }) => ({ ...created, problem: settled.problem }))
  })
  when("stray-pickup-lacks-stock", { placed }, ({ placed }) => !!placed?.problem).then(() => {
    recordPickupProblemStep(
      transform({ placed, input }, ({ placed, input }) => ({ pickup_id: placed!.id, order_id: input.order_id, problem: placed!.problem! }))
    )
  })
  releaseLockStep({ key: locks.keys, ownerId: locks.owner }).config({ name: "release-stray-pickup-locks" })
  when("stray-pickup-recorded", { placed }, ({ placed }) => !!placed?.created).then(() => {
    emitEventStep({ eventName: "pickup.placed", data: transform({ placed }, ({ placed }) => ({ id: placed!.id })) }).config({
      name: "emit-stray-pickup-placed",
    })
  })
  return new WorkflowResponse(transform({ placed }, ({ placed }) => ({ pickup_id: placed?.id ?? null, created: !!placed?.created })))
})
