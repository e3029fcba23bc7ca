/**
 * The signed-in shopper's last-seen answers (member card, balance, orders,
 * pickups and their codes), kept in localStorage so the app shows them
 * offline — at the desk in a basement, in a car park with no signal.
 *
 * Kept in the page rather than in the service worker: the Store API is on
 * another origin, answers depend on the customer's token, and a page-side copy
 * works on the very first visit, before a service worker controls the page.
 * Each copy is scoped by customer id and cleared at logout; only successful
 * answers are kept, with the time they arrived (the "as of" shown offline).
 */
const PREFIX = "lumiere_seen:"
const CUSTOMER = "lumiere_seen_customer"

/** `asOf`: null when the answer is live, else when the kept copy was fetched (ISO). */
export type Seen<T> = { data: T; asOf: string | null }
type Stored<T> = { data: T; fetched_at: string }

/** A request that got no answer at all (offline, DNS, connection refused): not an HTTP error. */
export function isNetworkError(e: unknown) {
  const err = e as { status?: number; name?: string; message?: string } | null
  if (!err || typeof err.status === "number") return false
  return err.name === "TypeError" || err.message === "Failed to fetch" || (typeof navigator !== "undefined" && navigator.onLine === false)
}

const keyOf = (scope: string, key: string) => `${PREFIX}${scope}:${key}`

function save(name: string, value: Stored<unknown>) {
  const raw = JSON.stringify(value)
  try {
    localStorage.setItem(name, raw)
  } catch {
    // Storage full (QR images add up): drop the order pages kept, then try once more.
    try {
      for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX) && k.includes(":order:")) localStorage.removeItem(k)
      localStorage.setItem(name, raw)
    } catch {
      // Still no room: the page works live, only without its offline copy.
    }
  }
}

function load<T>(name: string): Stored<T> | null {
  try {
    const raw = localStorage.getItem(name)
    return raw ? (JSON.parse(raw) as Stored<T>) : null
  } catch {
    return null
  }
}

/**
 * `fetcher`'s answer, kept for `scope` (the customer id) under `key`; when
 * the network gives no answer, the kept copy with the time it was fetched.
 * HTTP errors (401, 404…) are thrown as they are: only "no answer" falls back.
 * No scope (a guest): nothing is kept.
 */
export async function withLastSeen<T>(scope: string | null | undefined, key: string, fetcher: () => Promise<T>): Promise<Seen<T>> {
  try {
    const data = await fetcher()
    if (scope) save(keyOf(scope, key), { data, fetched_at: new Date().toISOString() })
    return { data, asOf: null }
  } catch (e) {
    const kept = scope && isNetworkError(e) ? load<T>(keyOf(scope, key)) : null
    if (!kept) throw e
    return { data: kept.data, asOf: kept.fetched_at }
  }
}

/** The oldest "as of" of several answers (null when all are live). */
export const oldestAsOf = (...asOfs: (string | null)[]) =>
  asOfs.filter((a): a is string => !!a).sort()[0] ?? null

/** The customer as last seen with a valid session: who is signed in while offline. */
export const lastSeenCustomer = <T>() => load<T>(CUSTOMER)?.data ?? null
export const keepCustomer = (customer: unknown) => save(CUSTOMER, { data: customer, fetched_at: new Date().toISOString() })

/** Logout: nothing of this shopper stays on the device. */
export function forgetLastSeen() {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX) || k === CUSTOMER) localStorage.removeItem(k)
  } catch {
    // No storage (private mode): nothing was kept.
  }
}
