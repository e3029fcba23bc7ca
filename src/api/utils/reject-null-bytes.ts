import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { FieldError } from "../../types/http"

/** The first string holding a NUL character, with its path ("items.0.reason"). */
function findNullByte(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "(body)" : null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNullByte(value[i], [...path, String(i)])
      if (found !== null) return found
    }
    return null
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return [...path, k].join(".")
      const found = findNullByte(v, [...path, k])
      if (found !== null) return found
    }
  }
  return null
}

/**
 * A NUL character in an id, a search or a note is never meaningful, and
 * PostgreSQL refuses it in text (a 500 if it got that far): a 400 naming the
 * field, for the path's ids, the query and the body alike. On every plugin route.
 */
export function rejectNullBytes(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  // A prefix matcher sees the path's ids only as its wildcard: read the raw URL's path.
  const rawPath = (req.originalUrl ?? req.url ?? "").split("?")[0]
  const inPath = /%00|\u0000/i.test(rawPath) ? "id" : null
  const field = inPath ?? findNullByte(req.query) ?? findNullByte(req.body)
  if (field === null) return next()
  const errors: FieldError[] = [{ path: field, message: "must not contain a null character" }]
  res.status(400).json({ type: "invalid_data", message: `Invalid request: ${field}: must not contain a null character`, errors })
}
