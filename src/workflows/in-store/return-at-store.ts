import {
  acquireLockStep,
  emitEventStep,
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  dismissItemReturnRequestWorkflow,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
  releaseLockStep,
  requestItemReturnWorkflow,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ensureReturnLevelsStep } from "./steps/ensure-return-levels"
import { planStoreRefundStep } from "./steps/plan-store-refund"
import { restoreReturnedPointsStep } from "./steps/restore-returned-points"
import { validateStoreReturnStep, type StoreReturnInput } from "./steps/validate-store-return"

export const returnAtStoreWorkflowId = "return-at-store"

/** The key two returns of one order wait on: the second sees what the first took back. */
export const storeReturnLockKey = (orderId: string) => `store-return:${orderId}`

/**
 * A shop takes back lines of any channel's order, through Medusa's own return
 * workflows (as its admin does): the return at this store → items requested →
 * received (back on this store's shelf) or dismissed (damaged, not restocked)
 * → confirmed, which moves the stock → the amount Medusa then owes refunded
 * to the original payment (payment.refunded reverses the points' share), and
 * what the payment can't cover given back in the points it was paid with.
 * Under the order's lock, so two returns of one line refund it once. Each
 * core workflow compensates its own steps if a later one fails.
 */
export const returnAtStoreWorkflow = createWorkflow(
  returnAtStoreWorkflowId,
  (input: StoreReturnInput & { return_window_days: number }) => {
    const lockKey = transform({ input }, ({ input }) => storeReturnLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const plan = validateStoreReturnStep(input)
    ensureReturnLevelsStep(
      transform({ input, plan }, ({ input, plan }) => ({ location_id: input.location_id, inventory_item_ids: plan.inventory_item_ids }))
    )

    const change = beginReturnOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.order_id,
        location_id: input.location_id,
        created_by: input.staff_id,
        internal_note: input.note,
        metadata: { store_return: true, store_location_id: input.location_id, taken_back_by: input.staff_id },
      })),
    })
    const returnId = transform({ change }, ({ change }) => change.return_id as string)
    requestItemReturnWorkflow.runAsStep({
      input: transform({ input, returnId }, ({ input, returnId }) => ({
        return_id: returnId,
        items: input.items.map((i) => ({ id: i.id, quantity: i.quantity, internal_note: i.reason })),
      })),
    })
    confirmReturnRequestWorkflow.runAsStep({
      input: transform({ input, returnId }, ({ input, returnId }) => ({ return_id: returnId, confirmed_by: input.staff_id })),
    })

    beginReceiveReturnWorkflow.runAsStep({
      input: transform({ input, returnId }, ({ input, returnId }) => ({ return_id: returnId, created_by: input.staff_id })),
    })
    when({ plan }, ({ plan }) => plan.receive.length > 0).then(() => {
      receiveItemReturnRequestWorkflow.runAsStep({
        input: transform({ plan, returnId }, ({ plan, returnId }) => ({ return_id: returnId, items: plan.receive })),
      })
    })
    when({ plan }, ({ plan }) => plan.dismiss.length > 0).then(() => {
      dismissItemReturnRequestWorkflow.runAsStep({
        input: transform({ plan, returnId }, ({ plan, returnId }) => ({ return_id: returnId, items: plan.dismiss })),
      })
    })
    confirmReturnReceiveWorkflow.runAsStep({
      input: transform({ input, returnId }, ({ input, returnId }) => ({ return_id: returnId, confirmed_by: input.staff_id })),
    })

    const refund = planStoreRefundStep(transform({ input }, ({ input }) => ({ order_id: input.order_id })))
    when({ refund }, ({ refund }) => !!refund?.payment_id && refund.amount > 0).then(() => {
      refundPaymentWorkflow.runAsStep({
        input: transform({ refund, input, plan }, ({ refund, input, plan }) => ({
          payment_id: refund!.payment_id!,
          amount: refund!.amount,
          created_by: input.staff_id,
          note: `Returned at the store (order #${plan.display_id})`,
        })),
      })
    })
    const restored = restoreReturnedPointsStep(
      transform({ input, returnId, refund }, ({ input, returnId, refund }) => ({
        order_id: input.order_id,
        return_id: returnId,
        remainder: refund ? refund.owed - refund.amount : 0,
      }))
    )
    emitEventStep({
      eventName: "store_return.received",
      data: transform({ input, returnId, refund }, ({ input, returnId, refund }) => ({
        order_id: input.order_id,
        return_id: returnId,
        location_id: input.location_id,
        refunded_amount: refund?.amount ?? 0,
      })),
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse({ return_id: returnId, refund, points_restored: transform({ restored }, ({ restored }) => restored?.points ?? 0) })
  }
)
