import {
  addDays,
  closureOn,
  isOpenAt,
  isValidDate,
  isValidTimeZone,
  localDate,
  nextPickupAt,
  slotsOn,
  toStoreIso,
  weekdayOf,
} from "../hours"

// Lyon Croix-Rousse: lunch break, closed Sunday and Monday, Christmas closure.
const paris = {
  timezone: "Europe/Paris",
  hours: {
    tue: [["09:30", "12:30"], ["14:00", "19:00"]] as [string, string][],
    wed: [["09:30", "12:30"], ["14:00", "19:00"]] as [string, string][],
    sat: [["09:00", "19:00"]] as [string, string][],
  },
  closures: [{ from: "2026-12-25", to: "2026-12-26", label: "Christmas" }],
}

describe("store-local dates", () => {
  it("uses the store's zone, not the server's, for the calendar date", () => {
    // 23:30 UTC on Monday 23 Nov is already Tuesday 00:30 in Paris.
    expect(localDate(new Date("2026-11-23T23:30:00Z"), "Europe/Paris")).toBe("2026-11-24")
    expect(localDate(new Date("2026-11-23T23:30:00Z"), "America/New_York")).toBe("2026-11-23")
  })

  it("knows weekdays, date arithmetic and validity", () => {
    expect(weekdayOf("2026-11-23")).toBe("mon")
    expect(weekdayOf("2026-11-29")).toBe("sun")
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01")
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29")
    expect(isValidDate("2026-02-29")).toBe(false)
    expect(isValidDate("2026-13-01")).toBe(false)
    expect(isValidDate("2026-11-23")).toBe(true)
    expect(isValidTimeZone("Europe/Paris")).toBe(true)
    expect(isValidTimeZone("Mars/Olympus")).toBe(false)
  })

  it("finds closures by inclusive date range", () => {
    expect(closureOn(paris, "2026-12-24")).toBeUndefined()
    expect(closureOn(paris, "2026-12-25")?.label).toBe("Christmas")
    expect(closureOn(paris, "2026-12-26")?.label).toBe("Christmas")
  })
})

describe("isOpenAt", () => {
  it("is open inside a range and closed over lunch, at the edges as [open, close)", () => {
    expect(isOpenAt(paris, new Date("2026-11-24T08:30:00Z"))).toBe(true) // 09:30 Paris
    expect(isOpenAt(paris, new Date("2026-11-24T08:29:00Z"))).toBe(false)
    expect(isOpenAt(paris, new Date("2026-11-24T12:00:00Z"))).toBe(false) // 13:00, lunch
    expect(isOpenAt(paris, new Date("2026-11-24T17:59:00Z"))).toBe(true) // 18:59
    expect(isOpenAt(paris, new Date("2026-11-24T18:00:00Z"))).toBe(false) // 19:00
  })

  it("is closed on a day missing from hours", () => {
    expect(isOpenAt(paris, new Date("2026-11-23T10:00:00Z"))).toBe(false) // Monday
  })
})

describe("nextPickupAt", () => {
  it("adds the lead time when that lands inside opening hours", () => {
    // Tue 10:00 Paris + 120 min = 12:00, still in the morning range.
    const at = nextPickupAt(paris, new Date("2026-11-24T09:00:00Z"), 120)
    expect(toStoreIso(at!, "Europe/Paris")).toBe("2026-11-24T12:00:00+01:00")
  })

  it("moves into the afternoon range when the lead time ends over lunch", () => {
    const at = nextPickupAt(paris, new Date("2026-11-24T10:00:00Z"), 120) // 11:00 + 2 h = 13:00
    expect(toStoreIso(at!, "Europe/Paris")).toBe("2026-11-24T14:00:00+01:00")
  })

  it("skips closed days to the next opening", () => {
    // Wed 18:30 + 3 h → Thursday is closed (not in hours), Friday too: Saturday 09:00.
    const at = nextPickupAt(paris, new Date("2026-11-25T17:30:00Z"), 180)
    expect(toStoreIso(at!, "Europe/Paris")).toBe("2026-11-28T09:00:00+01:00")
  })

  it("skips a closure", () => {
    // Christmas is Friday 25, Saturday 26 is closed too: next opening is Tue 29 Dec.
    const at = nextPickupAt(paris, new Date("2026-12-23T17:00:00Z"), 180)
    expect(toStoreIso(at!, "Europe/Paris")).toBe("2026-12-29T09:30:00+01:00")
  })

  it("keeps wall-clock hours across a DST change", () => {
    // Summer time: Sat 28 March 2026 opens 09:00 = 08:00Z; after the switch on
    // Sunday 29 March, Tuesday 31 opens at 09:30 CEST = 07:30Z.
    const sat = nextPickupAt(paris, new Date("2026-03-28T06:00:00Z"), 0)
    expect(sat!.toISOString()).toBe("2026-03-28T08:00:00.000Z")
    const tue = nextPickupAt(paris, new Date("2026-03-28T17:30:00Z"), 60)
    expect(toStoreIso(tue!, "Europe/Paris")).toBe("2026-03-31T09:30:00+02:00")
    expect(tue!.toISOString()).toBe("2026-03-31T07:30:00.000Z")
  })

  it("returns null for a store that never opens", () => {
    expect(nextPickupAt({ timezone: "UTC", hours: {} }, new Date(), 0)).toBeNull()
  })
})

describe("slotsOn", () => {
  it("lays slots from each opening time, none running past closing", () => {
    const slots = slotsOn(paris, "2026-11-24", 45)
    const local = slots.map((s) => toStoreIso(s.start, "Europe/Paris").slice(11, 16))
    // 09:30-12:30 → 09:30, 10:15, 11:00, 11:45; 14:00-19:00 → 14:00 … 18:15
    expect(local).toEqual(["09:30", "10:15", "11:00", "11:45", "14:00", "14:45", "15:30", "16:15", "17:00", "17:45"])
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 45 * 60_000)).toBe(true)
  })

  it("has no slots on closed days, closures, or when slots are off", () => {
    expect(slotsOn(paris, "2026-11-23", 30)).toEqual([])
    expect(slotsOn(paris, "2026-12-26", 30)).toEqual([])
    expect(slotsOn(paris, "2026-11-24", 0)).toEqual([])
  })
})
