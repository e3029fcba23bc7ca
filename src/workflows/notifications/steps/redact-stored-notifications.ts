import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { redactStored, type StoredNotifications } from "../stored-notifications"

export const redactStoredNotificationsStepId = "redact-stored-notifications"

/**
 * After the provider has sent a notification (Medusa's Notification Module
 * hands it the data synchronously), the stored copy keeps only what its
 * kind's allow-list names (src/lib/notification-redaction.ts): whoever reads
 * the `notification` table, a backup or `GET /admin/notifications` finds
 * "[redacted]" for codes, recovery and transfer links. Only the shopper's
 * message carried them.
 */
export const redactStoredNotificationsStep = createStep(
  redactStoredNotificationsStepId,
  async (input: StoredNotifications, { container }) => new StepResponse(await redactStored(container, input))
)
