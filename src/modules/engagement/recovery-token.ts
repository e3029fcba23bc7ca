import crypto from "node:crypto"

/** A recovery link's token: the cart and an expiry, signed (HMAC-SHA256). Nothing else is in it. */
export function signRecoveryToken(key: Buffer, cartId: string, expiresAt: Date): string {
  const body = `${Buffer.from(cartId).toString("base64url")}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`
  const sig = crypto.createHmac("sha256", key).update(body).digest("base64url")
  return `${body}.${sig}`
}

/**
 * A token as signRecoveryToken writes it, and nothing else: the cart id in
 * unpadded base64url, the expiry in lower-case base 36, and the 43 characters
 * of an unpadded base64url HMAC-SHA256.
 */
const CANONICAL_TOKEN = /^[A-Za-z0-9_-]{1,200}\.[0-9a-z]{1,12}\.[A-Za-z0-9_-]{43}$/

/**
 * The cart of a valid token, or null (tampered, malformed, or expired: the
 * caller answers the same). One spelling per token: Node's base64 decoder
 * takes "+" for "-", padding, skipped characters and spare low bits as the
 * same bytes, so the signature is compared as the exact string the key gives
 * (timing-safe), never as decoded bytes.
 */
export function verifyRecoveryToken(key: Buffer, token: string, now = new Date()): string | null {
  if (!CANONICAL_TOKEN.test(token)) return null
  const [cart, expiry, sig] = token.split(".")
  const expected = Buffer.from(crypto.createHmac("sha256", key).update(`${cart}.${expiry}`).digest("base64url"))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  const expiresAt = parseInt(expiry, 36) * 1000
  if (!Number.isFinite(expiresAt) || expiresAt <= now.getTime()) return null
  return Buffer.from(cart, "base64url").toString()
}

/** The recovery key: derived from the plugin's secret, so no new secret to configure. */
export function recoveryKey(secret: string): Buffer {
  return crypto.createHmac("sha256", secret).update("omnichannel:cart-recovery").digest()
}
