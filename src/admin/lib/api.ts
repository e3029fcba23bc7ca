import type { FieldValues, Path, UseFormReturn } from "react-hook-form"
import type { FieldError } from "../../types/http"
import { BACKEND_URL } from "./sdk"

/** A refused admin request: its status, message and, for a 400, each field's error. */
export class AdminApiError extends Error {
  constructor(message: string, readonly status: number, readonly fields: FieldError[] = []) {
    super(message)
  }
}

/**
 * Sends a form's body. Not `sdk.client.fetch`: its FetchError keeps only the
 * message, and a form needs the plugin's `errors` (each field's path) to put
 * each message under its field. Same session cookie as the SDK.
 */
export async function submit<T>(
  path: string,
  body: unknown,
  { method = "POST", headers = {} }: { method?: string; headers?: Record<string, string> } = {}
): Promise<T> {
  const res = await fetch(`${BACKEND_URL.replace(/\/$/, "")}${path}`, {
    method,
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(body),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) {
    throw new AdminApiError(json.message ?? res.statusText, res.status, Array.isArray(json.errors) ? json.errors : [])
  }
  return json as T
}

/**
 * Puts an API error under the fields it names (`form.setError` by path);
 * what names no field of the form goes to `root` (shown above the buttons).
 */
export function applyApiError<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: unknown,
  known: string[],
  /** the form's name for an API path, where they differ */
  toFormPath: (path: string) => string = (p) => p
): void {
  const fields = error instanceof AdminApiError ? error.fields : []
  let placed = false
  for (const f of fields) {
    if (f.path && known.some((k) => f.path === k || f.path.startsWith(`${k}.`))) {
      form.setError(toFormPath(f.path) as Path<T>, { type: "server", message: f.message })
      placed = true
    }
  }
  if (!placed) {
    form.setError("root.server" as Path<T>, { type: "server", message: (error as Error)?.message ?? "Could not save" })
  }
}
