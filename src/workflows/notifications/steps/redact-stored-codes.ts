import { transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { REDACTED } from "../../../lib/notification-redaction"
import { redactStoredIfSendFailsStep } from "./redact-stored-if-send-fails"
import { redactStoredNotificationsStep } from "./redact-stored-notifications"

/** What a stored notification keeps in place of a code, token or link (the allow-list's placeholder). */
export const REDACTED_CODE = REDACTED

/** The pickup workflows' name for it, kept for apps that compose it. */
export const redactStoredCodesStep = redactStoredNotificationsStep

/**
 * Every notification the plugin sends goes through here (inside a
 * workflow): core's sendNotificationsStep gives the provider the whole data,
 * then the stored copy is reduced to the allow-list, sent or failed.
 * Notifications need an idempotency key (the plugin's all have one).
 */
export function sendRedactedNotifications(notifications: WorkflowData<CreateNotificationDTO[]>) {
  const keys = transform({ notifications }, ({ notifications }) => ({
    idempotency_keys: (notifications ?? []).map((n) => n.idempotency_key).filter((k): k is string => !!k),
  }))
  redactStoredIfSendFailsStep(keys)
  const sent = sendNotificationsStep(notifications)
  redactStoredNotificationsStep(keys)
  return sent
}
