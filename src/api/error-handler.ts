import { errorHandler as medusaErrorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TooManyCodeAttemptsError } from "../lib/code-attempts"

const defaultHandler = medusaErrorHandler()

/**
 * Medusa's error handler answers every CONFLICT with a generic "retry with the
 * Idempotency-Key" text. The spec wants a 409 that says what is wrong (which
 * item, what is available, which status), so conflicts keep their message;
 * everything else goes to Medusa's handler unchanged. Too many wrong pickup
 * codes is a 429 with Retry-After.
 */
export function omnichannelErrorHandler(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (err instanceof TooManyCodeAttemptsError || err?.name === "TooManyCodeAttemptsError") {
    res.setHeader("Retry-After", String(err.retry_after))
    res.status(429).json({ code: "too_many_attempts", type: "too_many_attempts", message: err.message, retry_after: err.retry_after })
    return
  }
  if (err?.type === MedusaError.Types.CONFLICT && typeof err.message === "string" && err.message) {
    res.status(409).json({ code: "invalid_state_error", type: "conflict", message: err.message })
    return
  }
  return defaultHandler(err, req as any, res as any, next)
}
