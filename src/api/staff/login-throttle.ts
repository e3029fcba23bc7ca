import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICacheService, ILockingModule, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import crypto from "node:crypto"

/**
 * Wrong passwords on the staff login (Medusa's POST /auth/staff/emailpass):
 * per email and per client address, over a fixed window from the first
 * failure. Once over, every attempt (the right password too) is a 429 until
 * the window ends; a successful login clears its email's count.
 */
export const STAFF_LOGIN_LIMITS = { window_s: 15 * 60, per_email: 5, per_ip: 20 }

type Count = { count: number; until: number }

const PREFIX = "omnichannel:staff-login:"
// Hashed: the cache (Redis in production) keeps no staff email addresses.
const emailKey = (email: string) => `${PREFIX}email:${crypto.createHash("sha256").update(email).digest("hex")}`
const ipKey = (ip: string) => `${PREFIX}ip:${ip}`

/** Seconds until a full count's window ends, or 0 when it is not full. */
function retryAfter(entry: Count | null, max: number, now: number): number {
  return entry && entry.count >= max && entry.until > now ? Math.ceil((entry.until - now) / 1000) : 0
}

/**
 * Counts live in Medusa's cache module (Redis when the app shares one, so
 * every instance sees them); each increment runs under the Locking Module
 * (Redis across instances), so two instances don't both read 4 and write 5.
 */
async function addFailure(cache: ICacheService, locking: ILockingModule, key: string): Promise<void> {
  await locking.execute(key, async () => {
    const now = Date.now()
    const current = await cache.get<Count>(key)
    const next = current && current.until > now ? { count: current.count + 1, until: current.until } : { count: 1, until: now + STAFF_LOGIN_LIMITS.window_s * 1000 }
    await cache.set(key, next, Math.max(1, Math.ceil((next.until - now) / 1000)))
  })
}

export async function throttleStaffLogin(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const body = (req.body ?? {}) as { email?: unknown }
  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : ""
  // Express's req.ip: Medusa trusts one proxy hop, so behind a load balancer it is the client's address.
  const ip = req.ip ?? req.socket?.remoteAddress ?? ""
  const keys = [email ? emailKey(email) : null, ip ? ipKey(ip) : null]
  let cache: ICacheService
  let locking: ILockingModule
  let counts: (Count | null)[]
  try {
    cache = req.scope.resolve<ICacheService>(Modules.CACHE)
    locking = req.scope.resolve<ILockingModule>(Modules.LOCKING)
    counts = await Promise.all(keys.map((k) => (k ? cache.get<Count>(k) : null)))
  } catch (e) {
    // A cache that is down must not lock every member out of the desk: logged, and the login goes on.
    req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`Staff login throttle skipped: ${(e as Error).message}`)
    return next()
  }
  const now = Date.now()
  const wait = Math.max(retryAfter(counts[0], STAFF_LOGIN_LIMITS.per_email, now), retryAfter(counts[1], STAFF_LOGIN_LIMITS.per_ip, now))
  if (wait) {
    res.setHeader("Retry-After", String(wait))
    res.status(429).json({ message: "Too many failed logins. Try again later.", retry_after: wait })
    return
  }

  // Medusa's route answers 401 for a wrong password or unknown email: counted
  // before the answer leaves, so the next attempt already sees it.
  const send = res.json.bind(res)
  let settled = false
  res.json = ((payload: unknown) => {
    if (settled) return send(payload)
    settled = true
    const status = res.statusCode
    const record =
      status === 401
        ? Promise.all(keys.map((k) => (k ? addFailure(cache, locking, k) : null)))
        : status < 300 && keys[0]
          ? cache.invalidate(keys[0])
          : Promise.resolve()
    record
      .catch((e: Error) => req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`Staff login throttle: ${e.message}`))
      .finally(() => send(payload))
    return res
  }) as typeof res.json
  next()
}
