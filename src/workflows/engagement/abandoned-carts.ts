import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { IdleCart } from "../../lib/idle-carts"
import { sendRedactedNotifications } from "../notifications/steps/redact-stored-codes"
import { planReminderStep } from "./steps/plan-reminder"
import { recordReminderDecisionStep } from "./steps/record-reminder-decision"
import { upsertAbandonedCartStep } from "./steps/upsert-abandoned-cart"

/**
 * One idle cart's turn: its record kept up to date, the decision taken from
 * what the shopper did since on every channel, the decision recorded (a
 * reminder claimed by one run only, or a suppression with why), then the
 * reminder sent through the Notification Module (idempotency key per cart
 * and sequence, so a retried run sends it once).
 */
export const remindAbandonedCartWorkflow = createWorkflow(
  "remind-omnichannel-abandoned-cart",
  (input: { cart: IdleCart; now: Date | string }) => {
    const row = upsertAbandonedCartStep(input.cart)
    const plan = planReminderStep(transform({ input, row }, ({ input, row }) => ({ cart: input.cart, row, now: input.now })))
    recordReminderDecisionStep(transform({ row, plan, input }, ({ row, plan, input }) => ({ row, plan, now: input.now })))
    when({ plan }, ({ plan }) => !!plan.notification).then(() => {
      // The shopper's email has the link; the stored copy keeps no token.
      sendRedactedNotifications(transform({ plan }, ({ plan }) => [plan.notification!]))
    })
    return new WorkflowResponse(plan)
  }
)
