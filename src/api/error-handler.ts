import { errorHandler as medusaErrorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const defaultHandler = medusaErrorHandler()

/**
 * Medusa's error handler answers every CONFLICT with a generic "retry with the
 * Idempotency-Key" text. The spec wants a 409 that says what is wrong (which
 * item, what is available, which status), so conflicts keep their message;
 * everything else goes to Medusa's handler unchanged.
 */
export function omnichannelErrorHandler(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (err?.type === MedusaError.Types.CONFLICT && typeof err.message === "string" && err.message) {
    res.status(409).json({ code: "invalid_state_error", type: "conflict", message: err.message })
    return
  }
  return defaultHandler(err, req as any, res as any, next)
}
