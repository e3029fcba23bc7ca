import { pgArray } from "../pg-array"

describe("pgArray", () => {
  it("quotes every value and escapes quotes and backslashes", () => {
    expect(pgArray([])).toBe("{}")
    expect(pgArray(["order_1", "prod,2"])).toBe('{"order_1","prod,2"}')
    expect(pgArray(['a"b', "c\\d"])).toBe('{"a\\"b","c\\\\d"}')
  })
})
