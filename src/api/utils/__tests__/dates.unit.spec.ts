import { CalendarDate, DateOrDateTime, isCalendarDate, parseInstant } from "../dates"

describe("isCalendarDate", () => {
  it("takes days that exist, as YYYY-MM-DD", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true)
    expect(isCalendarDate("2028-02-29")).toBe(true)
    expect(isCalendarDate("9999-12-31")).toBe(true)
  })

  it("refuses days that would roll over, and other spellings", () => {
    for (const s of ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-01", "0000-01-01", "20260101", "2026-01-01x", ""]) {
      expect([s, isCalendarDate(s)]).toEqual([s, false])
    }
  })
})

describe("parseInstant", () => {
  it("reads a date as UTC midnight and a date-time with or without a zone", () => {
    expect(parseInstant("2026-03-01")).toEqual({ at: new Date("2026-03-01T00:00:00Z"), dateOnly: true })
    expect(parseInstant("2026-03-01T09:30")?.at.toISOString()).toBe("2026-03-01T09:30:00.000Z")
    expect(parseInstant("2026-03-01T09:30:15.123456Z")?.at.toISOString()).toBe("2026-03-01T09:30:15.123Z")
    expect(parseInstant("2026-03-01 09:30:00+0100")?.at.toISOString()).toBe("2026-03-01T08:30:00.000Z")
    expect(parseInstant(new Date(Date.UTC(2026, 0, 1)).toISOString())?.at.getTime()).toBe(Date.UTC(2026, 0, 1))
  })

  it("refuses impossible days and times", () => {
    for (const s of ["2026-02-30", "2026-02-30T10:00:00Z", "2026-01-01T24:00", "2026-01-01T10:60", "2026-01-01T10:00:61Z", "2026-01-01T10:00+25:00", "2026-01-01T", "Dec 1 2026", "1e400"]) {
      expect([s, parseInstant(s)]).toEqual([s, null])
    }
  })
})

describe("zod helpers", () => {
  it("name the field in their message", () => {
    const date = CalendarDate("date").safeParse("2026-02-30")
    expect(date.success).toBe(false)
    expect(date.error?.issues[0].message).toBe("date: must be a real date as YYYY-MM-DD")
    const since = DateOrDateTime("since").safeParse("2026-02-30")
    expect(since.error?.issues[0].message).toMatch(/^since: must be a real date or date-time/)
    expect(DateOrDateTime("since").parse(" 2026-02-28 ")).toEqual({ at: new Date("2026-02-28T00:00:00Z"), dateOnly: true })
  })
})
