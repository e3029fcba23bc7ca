import { CODE_ALPHABET } from "../../pickup/code"
import { MEMBER_CODE_ALPHABET, newMemberCode } from "../service"

describe("member codes", () => {
  it("are M + 9 characters a till reads without 0/O, 1/I/L", () => {
    for (let i = 0; i < 200; i++) expect(newMemberCode()).toMatch(/^M[A-HJKMNP-Z2-9]{9}$/)
  })

  // The loyalty module has its own constant; codes issued with the pickup alphabet must stay valid.
  it("use the same characters as before the module had its own alphabet", () => {
    expect(MEMBER_CODE_ALPHABET).toBe(CODE_ALPHABET)
  })
})
