import crypto from "node:crypto"

/** No 0/O, 1/I/L: codes are read aloud and typed at a desk. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
export const CODE_LENGTH = 10 // 31^10 ≈ 8·10^14 codes

/**
 * The shopper's code is derived (HMAC with the server secret) from the pickup's
 * id and a random nonce, so it can be shown again without storing it; the
 * database keeps only its hash. Without the secret the rows reveal nothing.
 */
export function derivePickupCode(secret: string, pickupId: string, nonce: string): string {
  let code = ""
  // Rejection sampling keeps every character equally likely (256 % 31 ≠ 0).
  const limit = 256 - (256 % CODE_ALPHABET.length)
  for (let round = 0; code.length < CODE_LENGTH; round++) {
    const digest = crypto.createHmac("sha256", secret).update(`${pickupId}:${nonce}:${round}`).digest()
    for (const byte of digest) {
      if (byte < limit && code.length < CODE_LENGTH) {
        code += CODE_ALPHABET[byte % CODE_ALPHABET.length]
      }
    }
  }
  return code
}

/** Normalises what staff type (case, spaces, dashes) before hashing. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "")
}

export function hashPickupCode(secret: string, code: string): string {
  return crypto.createHmac("sha256", secret).update(`code:${normalizeCode(code)}`).digest("hex")
}

export function newNonce(): string {
  return crypto.randomBytes(16).toString("hex")
}
