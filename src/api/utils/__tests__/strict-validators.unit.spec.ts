import { AdminOmnichannelMetrics } from "../../admin/omnichannel-metrics/validators"
import { AdminRecentPurchasesFeed } from "../../admin/recent-purchases/validators"
import { DeskListPickups, DeskShip } from "../../staff/validators"
import { StoreGetSlots } from "../../store/validators"
import { fieldErrorsOf } from "../validate-body"

/** The fields a schema refuses `input` for, as the 400 names them. */
function refused(schema: { safeParse: (v: unknown) => any }, input: unknown): string[] {
  const r = schema.safeParse(input)
  return r.success ? [] : fieldErrorsOf(r.error).map((e) => e.path)
}

describe("dates the APIs accept are real calendar dates", () => {
  it("refuses 30 February everywhere a date is read", () => {
    expect(refused(AdminOmnichannelMetrics, { from: "2026-02-30" })).toEqual(["from"])
    expect(refused(AdminOmnichannelMetrics, { to: "2026-02-30T10:00:00Z" })).toEqual(["to"])
    expect(refused(DeskListPickups, { ready_from: "2026-02-30" })).toEqual(["ready_from"])
    expect(refused(DeskListPickups, { ready_to: "2026-02-31T00:00:00.000Z" })).toEqual(["ready_to"])
    expect(refused(StoreGetSlots, { date: "2026-02-30" })).toEqual(["date"])
    const lastYear = new Date(Date.now() - 200 * 86400000)
    expect(refused(AdminRecentPurchasesFeed, { since: `${lastYear.getUTCFullYear()}-02-30` })).toEqual(["since"])
  })

  it("still reads real dates and the admin's ISO instants", () => {
    expect(refused(DeskListPickups, { ready_from: "2026-01-01", ready_to: new Date(Date.UTC(2026, 0, 2)).toISOString() })).toEqual([])
    expect(DeskListPickups.parse({ ready_from: "2026-01-01" }).ready_from).toEqual(new Date("2026-01-01T00:00:00Z"))
    expect(refused(DeskListPickups, { ready_from: "1999-12-31" })).toEqual(["ready_from"])
    expect(refused(AdminOmnichannelMetrics, { from: "2026-01-01", to: "2026-02-28" })).toEqual([])
    expect(refused(StoreGetSlots, { date: "2028-02-29" })).toEqual([])
  })
})

describe("tracking links", () => {
  const ship = { carrier: "Colissimo", tracking_number: "6A123" }
  it("are http(s) only", () => {
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "ftp://example.com/x", "//example.com", "example.com"]) {
      expect([url, refused(DeskShip, { ...ship, tracking_url: url })]).toEqual([url, ["tracking_url"]])
    }
    expect(refused(DeskShip, { ...ship, tracking_url: "https://www.laposte.fr/outils/suivre-vos-envois?code=6A123" })).toEqual([])
    expect(refused(DeskShip, { ...ship, tracking_url: "HTTP://example.com" })).toEqual([])
  })
})
