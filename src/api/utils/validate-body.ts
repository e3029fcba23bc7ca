import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { FieldError } from "../../types/http"

/** A zod issue as the plugin's 400 names it: the field's path as a form names it ("hours.mon.0"). */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map(String).join(".")
    // An unknown key is an error of that key, not of the object around it.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: "Unknown field" }))
    }
    return [{ path, message: withoutFieldName(path, issue.message) }]
  })
}

/** Some schemas (shared with query validators, whose Medusa message has no path) start with the field's name. */
function withoutFieldName(path: string, message: string): string {
  for (const name of [path, path.split(".").pop()]) {
    if (name && message.startsWith(`${name}: `)) return message.slice(name.length + 2)
  }
  return message
}

/**
 * Medusa's `validateAndTransformBody`, but a 400 also says where: besides
 * Medusa's `type` and `message` (which still names every field), `errors`
 * lists each problem with its field path, so a form puts the message under
 * its field without reading the text. Sets `req.validatedBody` like Medusa's.
 * Used on every plugin route with a body.
 */
export function validateBody(schema: z.ZodType) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = await schema.safeParseAsync(req.body ?? {})
    if (parsed.success) {
      req.validatedBody = parsed.data
      return next()
    }
    const errors = fieldErrorsOf(parsed.error)
    res.status(400).json({
      type: "invalid_data",
      message: `Invalid request: ${errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ")}`,
      errors,
    })
  }
}
