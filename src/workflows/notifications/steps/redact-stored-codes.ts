import { createStep, StepResponse, transform, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import type { CreateNotificationDTO, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { REDACTED, redactNotificationData } from "../../../lib/notification-redaction"

/** What a stored notification keeps in place of a code, token or link (the allow-list's placeholder). */
export const REDACTED_CODE = REDACTED

/** The Notification Module's generated update (not in its public interface). */
type NotificationUpdates = {
  updateNotifications(data: { id: string; data: Record<string, unknown> }[]): Promise<unknown>
}

/** Which stored notifications: by idempotency key (also when the send failed), or by id. */
type StoredNotifications = { idempotency_keys?: string[]; ids?: string[] }

/** The stored copies of these notifications, reduced to their kind's allow-list. */
async function redactStored(container: MedusaContainer, which: StoredNotifications): Promise<number> {
  const filter = which.idempotency_keys?.length ? { idempotency_key: which.idempotency_keys } : which.ids?.length ? { id: which.ids } : null
  if (!filter) return 0
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  // By key or id: the module's generated list takes them, its public filter type does not name them.
  const stored = await notifications.listNotifications(filter as Parameters<INotificationModuleService["listNotifications"]>[0], {
    select: ["id", "template", "data"],
  })
  const updates = stored.flatMap((n) => {
    if (!n.data || typeof n.data !== "object") return []
    const data = redactNotificationData(n.template, n.data) as Record<string, unknown>
    return JSON.stringify(data) === JSON.stringify(n.data) ? [] : [{ id: n.id, data }]
  })
  if (updates.length) await (notifications as unknown as NotificationUpdates).updateNotifications(updates)
  return updates.length
}

/**
 * After the provider has sent a notification (Medusa's Notification Module
 * hands it the data synchronously), the stored copy keeps only what its
 * kind's allow-list names (src/lib/notification-redaction.ts): whoever reads
 * the `notification` table, a backup or `GET /admin/notifications` finds
 * "[redacted]" for codes, recovery and transfer links. Only the shopper's
 * message carried them.
 */
export const redactStoredNotificationsStep = createStep(
  "redact-stored-notifications",
  async (input: StoredNotifications, { container }) => new StepResponse(await redactStored(container, input))
)

/** The pickup workflows' name for it, kept for apps that compose it. */
export const redactStoredCodesStep = redactStoredNotificationsStep

/**
 * Before the send, nothing; if the send fails (the provider throws, Medusa
 * marks the row failed with its data intact), its compensation redacts what
 * was stored, so a failed send leaves no link behind either.
 */
export const redactStoredIfSendFailsStep = createStep(
  "redact-stored-notifications-if-send-fails",
  async (input: StoredNotifications) => new StepResponse(undefined, input),
  async (which, { container }) => {
    if (which) await redactStored(container, which)
  }
)

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
