import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TooManyCodeAttemptsError } from "../../modules/pickup/errors"

/**
 * Answers the plugin's own errors the way the spec wants them, and nothing
 * else: a 409 keeps the message that says what is wrong (which item, what is
 * available, which status) where Medusa's handler would answer a generic
 * "retry with the Idempotency-Key"; too many wrong pickup codes is a 429 with
 * Retry-After. Returns false for every other error, which then goes to the
 * app's error handler (Medusa's, or the app's own) unchanged.
 *
 * Deliberately not a `defineMiddlewares({ errorHandler })`: that handler is
 * global (the last one loaded wins for every route of the app), so it would
 * rewrite a merchant's errors on unrelated routes, and a merchant's handler
 * would silently drop the plugin's. (The plugin's one handler,
 * `pluginPathErrorHandler`, answers only a path Express could not decode on a
 * plugin route, which no route sees: see reject-malformed-input.ts.)
 */
export function respondWithOwnError(err: unknown, res: MedusaResponse): boolean {
  const e = err as { name?: string; type?: string; message?: unknown; retry_after?: number } | null
  if (!e || res.headersSent) return false
  if (e instanceof TooManyCodeAttemptsError || e.name === "TooManyCodeAttemptsError") {
    res.setHeader("Retry-After", String(e.retry_after))
    res.status(429).json({ code: "too_many_attempts", type: "too_many_attempts", message: e.message, retry_after: e.retry_after })
    return true
  }
  if (e.type === MedusaError.Types.CONFLICT && typeof e.message === "string" && e.message) {
    res.status(409).json({ code: "invalid_state_error", type: "conflict", message: e.message })
    return true
  }
  return false
}

type Handler<Req extends MedusaRequest, Res extends MedusaResponse> = (req: Req, res: Res) => Promise<unknown> | unknown

/** A plugin route handler whose own errors are answered by respondWithOwnError; any other error is rethrown. */
export function omnichannelRoute<Req extends MedusaRequest = MedusaRequest, Res extends MedusaResponse = MedusaResponse>(
  handler: Handler<Req, Res>
): (req: Req, res: Res) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res)
    } catch (err) {
      if (!respondWithOwnError(err, res)) throw err
    }
  }
}

/** The same for a middleware the plugin puts on one of Medusa's routes. */
export function omnichannelMiddleware(
  middleware: (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<unknown>
) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      await middleware(req, res, next)
    } catch (err) {
      if (!respondWithOwnError(err, res)) next(err)
    }
  }
}
