import { storeClock } from "../clock"
import { actionName, items } from "../words"

describe("the desk's words", () => {
  it("names timeline actions: their own words, else the shared status words, else plain words", () => {
    expect(actionName("arrived")).toBe("Customer arrived")
    expect(actionName("reject line")).toBe("Item not found here")
    expect(actionName("placed")).toBe("Order placed")
    expect(actionName("partially_ready")).toBe("Partly ready")
    expect(actionName("picking")).toBe("Picking")
    expect(actionName("allocated")).toBe("To ship")
    expect(actionName("code_checked")).toBe("code checked")
    // Not a key inherited from Object.prototype.
    expect(actionName("constructor")).toBe("constructor")
  })

  it("counts items", () => {
    expect(items(1)).toBe("1 item")
    expect(items(0)).toBe("0 items")
  })
})

describe("the store's clock", () => {
  it("writes an instant on the store's wall clock, 24-hour, whatever its offset", () => {
    const paris = storeClock("Europe/Paris")
    expect(paris.when("2026-11-24T23:05:00Z")).toBe("25/11 00:05")
    expect(paris.hhmm("2026-11-24T17:05:00+01:00")).toBe("17:05")
    expect(storeClock("America/New_York").when("2026-07-01T16:30:00Z")).toBe("01/07 12:30")
    expect(paris.when(null)).toBe("")
  })

  it("falls back to the device's zone for a zone it does not know", () => {
    expect(storeClock("Not/AZone").hhmm("2026-11-24T10:00:00Z")).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/)
  })
})
