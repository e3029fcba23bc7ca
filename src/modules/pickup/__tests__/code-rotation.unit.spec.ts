import { derivePickupCode, hashPickupCode } from "../../../lib/pickup-code"
import PickupModuleService from "../service"

const A = "a".repeat(32) + "-the-secret-before"
const B = "b".repeat(32) + "-the-secret-now"

/** The code methods of the service with given secrets (they use nothing else of it). */
const withSecrets = (current: string, previous: string[]) =>
  Object.assign(Object.create(PickupModuleService.prototype), {
    codeSecret_: current,
    previousCodeSecrets_: previous,
  }) as PickupModuleService

describe("pickup code secret rotation", () => {
  const id = "pkor_01TEST"
  const nonce = "n0nce"
  const issuedUnderA = { id, code_nonce: nonce, code_hash: hashPickupCode(A, derivePickupCode(A, id, nonce)) }

  it("keeps a code issued under the previous secret: shown the same, accepted at the desk", () => {
    const before = withSecrets(A, [])
    const after = withSecrets(B, [A])
    const code = before.pickupCode(issuedUnderA)
    expect(after.pickupCode(issuedUnderA)).toBe(code)
    expect(after.codeHashCandidates(code)).toContain(issuedUnderA.code_hash)
  })

  it("issues new codes under the current secret", () => {
    const after = withSecrets(B, [A])
    const fresh = { id: "pkor_02TEST", code_nonce: nonce }
    const code = after.pickupCode(fresh)
    expect(code).toBe(derivePickupCode(B, fresh.id, nonce))
    expect(after.hashCode(code)).toBe(hashPickupCode(B, code))
  })

  it("once the old secret is dropped, its codes no longer match", () => {
    const dropped = withSecrets(B, [])
    const code = withSecrets(A, []).pickupCode(issuedUnderA)
    expect(dropped.codeHashCandidates(code)).not.toContain(issuedUnderA.code_hash)
  })
})
