import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AbandonedCartStatus } from "../../../modules/engagement/types"
import { engagementOf } from "../engagement-of"
import type { ReminderPlan } from "./plan-reminder"
import type { AbandonedCartRow } from "./upsert-abandoned-cart"

export const recordReminderDecisionStepId = "record-omnichannel-cart-reminder"

/**
 * Records the decision: a reminder taken (one winner: the count moves only
 * from what was read) and logged, or a suppression logged with why (final
 * ones end the cart's reminders; a cooldown is logged once). The
 * compensation puts the cart's record back and removes the log entry.
 */
export const recordReminderDecisionStep = createStep(
  recordReminderDecisionStepId,
  async (input: { row: AbandonedCartRow; plan: ReminderPlan; now: Date | string }, { container }) => {
    const { row, plan } = input
    const now = new Date(input.now)
    const engagement = engagementOf(container)
    const d = plan.decision
    if (d.action === "wait") return new StepResponse({ recorded: null as string | null }, null)
    const previous = {
      id: row.id,
      status: row.status,
      reminders_sent: row.reminders_sent,
      last_reminded_at: row.last_reminded_at,
      suppressed_reason: row.suppressed_reason,
    }
    if (d.action === "send") {
      if (!(await engagement.claimReminder(row.id, row.reminders_sent, now))) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `Reminder ${d.sequence} of cart ${row.cart_id} was taken by another run`)
      }
    } else if (d.final) {
      await engagement.updateAbandonedCarts({ id: row.id, status: AbandonedCartStatus.SUPPRESSED, suppressed_reason: d.reason })
    } else if (row.suppressed_reason === d.reason) {
      return new StepResponse({ recorded: null as string | null }, null)
    } else {
      await engagement.updateAbandonedCarts({ id: row.id, suppressed_reason: d.reason })
    }
    const reminder = await engagement.createCartReminders({
      abandoned_cart_id: row.id,
      cart_id: row.cart_id,
      email: row.email,
      customer_id: row.customer_id,
      kind: d.action === "send" ? "sent" : "suppressed",
      sequence: d.action === "send" ? d.sequence : null,
      reason: d.action === "suppress" ? d.reason : null,
    })
    return new StepResponse({ recorded: reminder.id as string | null }, { previous, reminder_id: reminder.id })
  },
  async (undo, { container }) => {
    if (!undo) return
    const engagement = engagementOf(container)
    await engagement.updateAbandonedCarts(undo.previous)
    await engagement.deleteCartReminders(undo.reminder_id)
  }
)
