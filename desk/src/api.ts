import { omnichannelStaff, type StaffErrorBody, type StaffTransport } from "../../src/client"

/** An error answer of the Staff API, with its body (field errors, retry_after). */
export class DeskError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: StaffErrorBody
  ) {
    super(message)
  }
}

// The staff token lives for the tab (sessionStorage), as Medusa's admin keeps its own.
const TOKEN_KEY = "desk.token"
export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
}

let unauthorized: () => void = () => {}
/** What to do when the token is refused (expired, staff member removed): the app logs out. */
export function onUnauthorized(handler: () => void) {
  unauthorized = handler
}

function withQuery(path: string, query?: Record<string, unknown>) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== "") params.set(k, String(v))
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

/**
 * Same origin, bearer token. Not the JS SDK's fetch: its errors keep only the
 * message, and the desk shows each field's problem of a 400 ("Enter the
 * carrier") and how long to wait after a 429.
 */
const transport: StaffTransport = {
  async fetch<T>(path: string, init: { method?: string; body?: object; query?: Record<string, unknown> } = {}) {
    const headers: Record<string, string> = { "content-type": "application/json" }
    const token = session.token()
    if (token) headers.authorization = `Bearer ${token}`
    const res = await fetch(withQuery(path, init.query), {
      method: init.method ?? "GET",
      headers,
      body: init.body ? JSON.stringify(init.body) : undefined,
    })
    const data: unknown = await res.json().catch(() => ({}))
    if (res.status === 401 && !path.startsWith("/auth/")) unauthorized()
    if (!res.ok) {
      const body = (data ?? {}) as StaffErrorBody
      // A 400 lists each field's problem in plain words: show those, not the summary.
      const fields = Array.isArray(body.errors) ? body.errors.map((e) => e.message).join(" · ") : ""
      throw new DeskError(fields || body.message || `Error ${res.status}`, res.status, body)
    }
    return data as T
  },
}

export const staff = omnichannelStaff(transport)

/** An error in the words the desk shows. */
export function problem(err: unknown): string {
  if (err instanceof DeskError && err.status === 429) {
    const minutes = Math.ceil((err.body.retry_after || 60) / 60)
    return `Too many wrong codes. Wait ${minutes} minute${minutes > 1 ? "s" : ""} before trying again.`
  }
  return err instanceof Error ? err.message : String(err)
}
