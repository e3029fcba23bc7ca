/**
 * Pure checks of a request's shape, before any validator reads it: how deep
 * a body nests, whether every string is text PostgreSQL can store (no NUL,
 * no lone UTF-16 surrogate), whether a path's ids decode. All iterative: a
 * body nested thousands deep must not exhaust the stack that checks it.
 */

/** Deepest nesting a plugin body may have: every schema of the plugin needs 4 levels at most. */
export const MAX_DEPTH = 32

type Frame = { value: unknown; path: string[] }

/** Children of an object or array with their paths, in order (pushed reversed so a stack visits them in order). */
function pushChildren(stack: Frame[], frame: Frame): void {
  const { value, path } = frame
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] })
  } else if (value && typeof value === "object") {
    const entries = Object.entries(value)
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] })
  }
}

const isContainer = (v: unknown) => !!v && typeof v === "object"

/**
 * The path of the first object or array nested deeper than `max` levels (the
 * body itself is level 1), or null. The path names the container that went
 * too deep ("a.a.a…"), at most `max` keys long.
 */
export function findTooDeep(value: unknown, max = MAX_DEPTH): string | null {
  if (!isContainer(value)) return null
  const stack: (Frame & { depth: number })[] = [{ value, path: [], depth: 1 }]
  while (stack.length) {
    const frame = stack.pop()!
    if (frame.depth > max) return frame.path.join(".") || "(body)"
    const children: Frame[] = []
    pushChildren(children, frame)
    for (const child of children) if (isContainer(child.value)) stack.push({ ...child, depth: frame.depth + 1 })
  }
  return null
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Valid UTF-16 (no lone surrogate): what PostgreSQL's json and text accept, and what encodes to UTF-8. */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s)
}

/** Why a string can't be stored as text, or null when it can. */
export function stringProblem(s: string): string | null {
  if (s.includes("\u0000")) return "must not contain a null character"
  if (!isWellFormed(s)) return "must be well-formed text (a lone UTF-16 surrogate)"
  return null
}

/**
 * The first string (or key) PostgreSQL would refuse, with its path
 * ("items.0.reason") and why; null when every string is text. Walks without
 * recursion, in document order.
 */
export function findBadString(value: unknown): { path: string; message: string } | null {
  const stack: Frame[] = [{ value, path: [] }]
  while (stack.length) {
    const frame = stack.pop()!
    if (typeof frame.value === "string") {
      const message = stringProblem(frame.value)
      if (message) return { path: frame.path.join(".") || "(body)", message }
      continue
    }
    if (frame.value && typeof frame.value === "object" && !Array.isArray(frame.value)) {
      for (const key of Object.keys(frame.value)) {
        const message = stringProblem(key)
        if (message) return { path: [...frame.path, key].join("."), message }
      }
    }
    pushChildren(stack, frame)
  }
  return null
}

/**
 * The plugin's routes with path parameters (one per `[param]` folder under
 * src/api; a unit test keeps the list equal to the route files), to name the
 * parameter a bad path segment stands for.
 */
export const PARAM_ROUTES = [
  "/admin/customers/:id/loyalty",
  "/admin/customers/:id/loyalty/adjustments",
  "/admin/customers/:id/recent-purchases",
  "/admin/orders/:id/allocation",
  "/admin/pickup-staff/:id",
  "/admin/pickup-staff/:id/stores",
  "/admin/pickup-stores/:location_id",
  "/admin/pickups/:id",
  "/admin/pickups/:id/cancel",
  "/admin/pickups/:id/collect",
  "/admin/pickups/:id/prepare",
  "/admin/pickups/:id/ready",
  "/admin/segments/:id",
  "/admin/segments/:id/members",
  "/admin/segments/:id/refresh",
  "/admin/shipments/:id",
  "/admin/shipments/:id/lines/:line_item_id/reject",
  "/admin/shipments/:id/pack",
  "/admin/shipments/:id/pick",
  "/admin/shipments/:id/ship",
  "/staff/orders/:id/receipt",
  "/staff/pickups/:id",
  "/staff/pickups/:id/cancel",
  "/staff/pickups/:id/collect",
  "/staff/pickups/:id/prepare",
  "/staff/pickups/:id/ready",
  "/staff/shipments/:id",
  "/staff/shipments/:id/lines/:line_item_id/reject",
  "/staff/shipments/:id/pack",
  "/staff/shipments/:id/pick",
  "/staff/shipments/:id/ship",
  "/store/carts/:id/loyalty",
  "/store/carts/:id/pickup",
  "/store/carts/recover/:token",
  "/store/customers/me/pickups/:id",
  "/store/customers/me/pickups/:id/arrived",
  "/store/orders/:id/progress",
  "/store/pickup-stores/:id",
  "/store/pickup-stores/:id/slots",
]

const segmentsOf = (path: string) => path.split("/").filter(Boolean)

/** The parameter name segment `index` of `rawPath` stands for; "id" when no route says. */
function paramNameAt(rawSegments: string[], index: number): string {
  for (const route of PARAM_ROUTES) {
    const parts = segmentsOf(route)
    if (parts.length !== rawSegments.length || !parts[index].startsWith(":")) continue
    if (parts.every((p, i) => p.startsWith(":") || p === rawSegments[i])) return parts[index].slice(1)
  }
  return "id"
}

/**
 * The first segment of a raw (still percent-encoded) path that does not
 * decode to text PostgreSQL can store, named as its route names it
 * (`{ path: "line_item_id", … }`), or null.
 */
export function findBadPathParam(rawPath: string): { path: string; message: string } | null {
  const segments = segmentsOf(rawPath)
  for (let i = 0; i < segments.length; i++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segments[i])
    } catch {
      return { path: paramNameAt(segments, i), message: "must be percent-encoded UTF-8 text" }
    }
    const message = stringProblem(decoded)
    if (message) return { path: paramNameAt(segments, i), message }
  }
  return null
}

/**
 * Whether a path is under one of `matchers` (the middlewares' matchers:
 * `:param` one segment, `*` anything, a prefix of the path). Reads the raw
 * path: no decoding, so a bad escape can't throw here.
 */
export function pathMatcher(matchers: string[]): (rawPath: string) => boolean {
  const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")
  const patterns = matchers.map(
    (m) => new RegExp(`^${escape(m).replace(/:\w+/g, "[^/]+").replace(/\*/g, ".*")}(?:/.*)?$`)
  )
  return (rawPath) => patterns.some((p) => p.test(rawPath))
}
