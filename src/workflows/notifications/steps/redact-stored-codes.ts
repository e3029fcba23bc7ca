import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { INotificationModuleService } from "@medusajs/framework/types"

/** What a stored notification keeps in place of a pickup code. */
export const REDACTED_CODE = "[redacted]"

/** The Notification Module's generated update (not in its public interface). */
type NotificationUpdates = {
  updateNotifications(data: { id: string; data: Record<string, unknown> }[]): Promise<unknown>
}

/**
 * After the provider has sent a notification (Medusa's Notification Module
 * hands it the data synchronously), the stored copy keeps no pickup code:
 * whoever reads the `notification` table, a backup or
 * `GET /admin/notifications` finds "[redacted]". Only the shopper's message
 * carried the code.
 */
export const redactStoredCodesStep = createStep(
  "redact-stored-pickup-codes",
  async (input: { ids: string[] }, { container }) => {
    if (!input.ids.length) return new StepResponse(0)
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
    // By id: the module's generated list takes it, its public filter type does not name it.
    const byId = { id: input.ids } as Parameters<INotificationModuleService["listNotifications"]>[0]
    const stored = await notifications.listNotifications(byId, { select: ["id", "data"] })
    const updates = stored
      .filter((n) => n.data && typeof n.data === "object" && "code" in n.data && n.data.code !== REDACTED_CODE)
      .map((n) => ({ id: n.id, data: { ...(n.data as Record<string, unknown>), code: REDACTED_CODE } }))
    if (updates.length) await (notifications as unknown as NotificationUpdates).updateNotifications(updates)
    return new StepResponse(updates.length)
  }
)
