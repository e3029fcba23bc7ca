import { CODE_ALPHABET, CODE_LENGTH, derivePickupCode, hashPickupCode, normalizeCode } from "../pickup-code"
import { distanceKm } from "../geo"

describe("pickup codes", () => {
  it("are 10 characters from the unambiguous alphabet, stable for the same inputs", () => {
    const a = derivePickupCode("secret", "pkor_1", "nonce")
    expect(a).toHaveLength(CODE_LENGTH)
    expect([...a].every((c) => CODE_ALPHABET.includes(c))).toBe(true)
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/)
    expect(derivePickupCode("secret", "pkor_1", "nonce")).toBe(a)
  })

  it("differ by pickup, nonce and secret", () => {
    const codes = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      codes.add(derivePickupCode("secret", `pkor_${i}`, "n"))
    }
    expect(codes.size).toBe(2000)
    expect(derivePickupCode("other", "pkor_1", "nonce")).not.toBe(derivePickupCode("secret", "pkor_1", "nonce"))
    expect(derivePickupCode("secret", "pkor_1", "n2")).not.toBe(derivePickupCode("secret", "pkor_1", "nonce"))
  })

  it("hash what staff type the same way (case, spaces, dashes), and never equal the code", () => {
    const code = derivePickupCode("secret", "pkor_1", "nonce")
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)} `
    expect(normalizeCode(typed)).toBe(code)
    expect(hashPickupCode("secret", typed)).toBe(hashPickupCode("secret", code))
    expect(hashPickupCode("secret", code)).not.toContain(code)
    expect(hashPickupCode("secret", code)).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe("distanceKm", () => {
  it("measures Bellecour to Part-Dieu (about 2 km) and is symmetric", () => {
    const d = distanceKm(45.7578, 4.832, 45.7608, 4.8569)
    expect(d).toBeGreaterThan(1.8)
    expect(d).toBeLessThan(2.1)
    expect(distanceKm(45.7608, 4.8569, 45.7578, 4.832)).toBeCloseTo(d, 9)
    expect(distanceKm(45, 4, 45, 4)).toBe(0)
  })
})
