import {
  errorHandler,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import type { FieldError } from "../../types/http"
import { findBadPathParam, findBadString, findTooDeep, MAX_DEPTH, pathMatcher } from "./request-shape"

/** The plugin's 400 (as `validateBody` answers): Medusa's `type` and `message`, and the field in `errors`. */
function invalid(res: MedusaResponse, error: FieldError) {
  const errors: FieldError[] = [error]
  res.status(400).json({ type: "invalid_data", message: `Invalid request: ${error.path}: ${error.message}`, errors })
}

/** The path as sent, still percent-encoded: a prefix matcher sees the path's ids only as its wildcard. */
const rawPathOf = (req: MedusaRequest) => (req.originalUrl ?? req.url ?? "").split("?")[0]

/**
 * First on every plugin route, before authentication and validators: a 400
 * naming the field for what no validator should have to survive, and
 * PostgreSQL would refuse (a 500 if it got that far):
 *  - a body or query nested deeper than MAX_DEPTH (walking it would exhaust the stack);
 *  - a path id that doesn't decode, or holds a NUL or a lone surrogate;
 *  - a string or key in the query or body holding a NUL or a lone UTF-16 surrogate.
 */
export function rejectMalformedInput(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const badPath = findBadPathParam(rawPathOf(req))
  if (badPath) return invalid(res, badPath)
  for (const value of [req.query, req.body]) {
    const deep = findTooDeep(value)
    if (deep !== null) return invalid(res, { path: deep, message: `nested too deep (at most ${MAX_DEPTH} levels)` })
  }
  const bad = findBadString(req.query) ?? findBadString(req.body)
  if (bad) return invalid(res, bad)
  next()
}

/**
 * Express decodes a path's parameters while matching it, before any
 * middleware runs: a bad escape (`/staff/pickups/%ED%A0%80`) throws a
 * URIError there (at Medusa's own `/admin*` middleware for admin paths), which
 * Medusa's handler answers with a 500. Only an error handler sees it. This
 * one answers that error on the plugin's own paths (400 naming the
 * parameter) and hands every other error to Medusa's handler unchanged. An
 * app's own `errorHandler` (loaded after plugins) replaces it: the app's then
 * decides for those requests too.
 */
export function pluginPathErrorHandler(matchers: string[]) {
  const medusa = errorHandler()
  const isPluginPath = pathMatcher(matchers)
  return (err: unknown, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const rawPath = rawPathOf(req)
    if (err instanceof URIError && !res.headersSent && isPluginPath(rawPath)) {
      const bad = findBadPathParam(rawPath)
      if (bad) return invalid(res, bad)
    }
    return medusa(err, req, res, next)
  }
}
