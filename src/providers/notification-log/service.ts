import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { redactNotificationData } from "../../lib/notification-redaction"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"

/** For data of no known kind: what looks secret is hidden (src/lib/notification-redaction.ts). */
export function redact(value: unknown): unknown {
  return redactNotificationData(null, value)
}

/**
 * Development notification provider: logs each notification like Medusa's
 * notification-local does, but only what the kind's allow-list keeps (SPEC:
 * no code, recovery or transfer token is ever logged). Use a real provider
 * (SendGrid, Resend, …) in production.
 */
class NotificationLogService extends AbstractNotificationProviderService {
  static identifier = "notification-log"
  protected logger_: Logger

  constructor({ logger }: { logger: Logger }) {
    super()
    this.logger_ = logger
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    this.logger_.info(
      `Notification to ${notification.to} via ${notification.channel} (${notification.template}): ${JSON.stringify(
        redactNotificationData(notification.template, notification.data ?? {})
      )}`
    )
    return {}
  }
}

export default NotificationLogService
