import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"

/**
 * Keys whose values must never reach a log: pickup and member codes, QR
 * images, tokens, passwords. Only those: a `postal_code` or `country_code` is
 * no secret, and hiding it makes the log useless for support.
 */
const SECRET_KEYS = /^(code|qr)$|_code$|_qr$|token|password/i
const PUBLIC_KEYS = /^(postal_code|country_code|currency_code|province_code|discount_code)$/i

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact)
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) && !PUBLIC_KEYS.test(k) ? "[redacted]" : redact(v)])
    )
  }
  return value
}

/**
 * Development notification provider: logs each notification like Medusa's
 * notification-local does, but with codes redacted (SPEC: a pickup code is
 * never logged). Use a real provider (SendGrid, Resend, …) in production.
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
        redact(notification.data ?? {})
      )}`
    )
    return {}
  }
}

export default NotificationLogService
