import catalog from "../catalog.json"
import people from "../customers.json"
import productData from "../products.json"
import storeData from "../stores.json"

// The seed files promise a demo that exercises pickup: these checks keep a
// later edit of the JSON from quietly removing a case the tests rely on.
describe("demo data files", () => {
  const stores = storeData.stores
  const handles = new Set([...stores.map((s) => s.handle), storeData.warehouse.handle])
  const variants = productData.products.flatMap((p) => p.variants)

  it("has at least six pickup stores in one metro area, with coordinates and a time zone", () => {
    const pickup = stores.filter((s) => s.pickup.enabled)
    expect(pickup.length).toBeGreaterThanOrEqual(6)
    for (const s of stores) {
      expect(s.pickup.timezone).toBe("Europe/Paris")
      // Greater Lyon lies within about 15 km of Bellecour.
      expect(Math.abs(s.pickup.latitude - 45.7578)).toBeLessThan(0.15)
      expect(Math.abs(s.pickup.longitude - 4.832)).toBeLessThan(0.15)
    }
  })

  it("labels every variant with its own valid EAN-13, as the till's scanner reads it", () => {
    const codes = variants.map((v) => v.barcode)
    expect(new Set(codes).size).toBe(variants.length)
    for (const code of codes) {
      expect(code).toMatch(/^\d{13}$/)
      const sum = [...code.slice(0, 12)].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0)
      expect(Number(code[12])).toBe((10 - (sum % 10)) % 10)
    }
  })

  it("has a store closed on Sundays, one open on Sundays and one with a holiday closure", () => {
    const pickup = stores.filter((s) => s.pickup.enabled)
    expect(pickup.some((s) => !(s.pickup.hours as any).sun?.length)).toBe(true)
    expect(pickup.some((s) => (s.pickup.hours as any).sun?.length)).toBe(true)
    expect(pickup.some((s) => s.pickup.closures.length > 0)).toBe(true)
  })

  it("uses well-formed opening ranges (HH:mm, open before close)", () => {
    for (const s of stores) {
      for (const ranges of Object.values(s.pickup.hours) as [string, string][][]) {
        for (const [open, close] of ranges) {
          expect(open).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/)
          expect(close).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/)
          expect(open < close).toBe(true)
        }
      }
    }
  })

  it("has 25+ variants whose stock differs per store, including single-store and warehouse-only ones", () => {
    expect(variants.length).toBeGreaterThanOrEqual(25)
    const storeHandles = stores.map((s) => s.handle)
    const inStores = (v: (typeof variants)[number]) =>
      Object.keys(v.stock).filter((h) => storeHandles.includes(h))
    expect(variants.some((v) => inStores(v).length === 1)).toBe(true)
    expect(variants.some((v) => inStores(v).length === 0 && (v.stock as any).warehouse > 0)).toBe(true)
    expect(new Set(variants.map((v) => JSON.stringify(v.stock))).size).toBeGreaterThan(20)
    for (const v of variants) {
      for (const h of Object.keys(v.stock)) {
        expect(handles.has(h)).toBe(true)
      }
    }
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length)
  })

  it("has three sales channels, one region and accounts", () => {
    expect(catalog.sales_channels.map((c) => c.name)).toEqual(["Web store", "Mobile app", "In-store"])
    expect(catalog.region.currency_code).toBe("eur")
    expect(people.customers.length).toBeGreaterThanOrEqual(3)
    expect(people.admin.email).toBeTruthy()
  })
})
