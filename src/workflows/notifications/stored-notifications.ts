import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { redactNotificationData } from "../../lib/notification-redaction"

// Shared by the two redaction steps (steps/redact-stored-notifications.ts, steps/redact-stored-if-send-fails.ts).

/** The Notification Module's generated update (not in its public interface). */
type NotificationUpdates = {
  updateNotifications(data: { id: string; data: Record<string, unknown> }[]): Promise<unknown>
}

/** Which stored notifications: by idempotency key (also when the send failed), or by id. */
export type StoredNotifications = { idempotency_keys?: string[]; ids?: string[] }

/** The stored copies of these notifications, reduced to their kind's allow-list. */
export async function redactStored(container: MedusaContainer, which: StoredNotifications): Promise<number> {
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
