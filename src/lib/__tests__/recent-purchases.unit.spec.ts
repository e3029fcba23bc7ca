import { csvField, distinctProducts, recentPurchasesCsv, type RecentPurchase } from "../recent-purchases"

const line = (over: Partial<RecentPurchase>): RecentPurchase => ({
  customer_id: "cus_1",
  email: "camille@example.com",
  order_id: "order_1",
  order_display_id: 1,
  line_item_id: "ordli_1",
  product_id: "prod_mug",
  product_title: "Enamel Mug",
  variant_id: "variant_ink",
  variant_title: "Ink",
  sku: "MUG-INK",
  quantity: 1,
  sales_channel_id: "sc_web",
  channel: "Web store",
  bought_at: "2026-11-20T10:00:00.000Z",
  ...over,
})

describe("recent purchases", () => {
  it("quotes CSV fields that need it and defuses spreadsheet formulas", () => {
    expect(csvField(null)).toBe("")
    expect(csvField(3)).toBe("3")
    expect(csvField(-3)).toBe("-3")
    expect(csvField("Mug, large")).toBe('"Mug, large"')
    expect(csvField('The "Classic"')).toBe('"The ""Classic"""')
    expect(csvField("two\nlines")).toBe('"two\nlines"')
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvField("+33 4 00")).toBe("'+33 4 00")
    expect(csvField("@home")).toBe("'@home")
    expect(csvField("\t=1+1")).toBe("'\t=1+1")
    expect(csvField("\r=1+1")).toBe('"\'\r=1+1"')
  })

  it("writes a header and one row per line", () => {
    const csv = recentPurchasesCsv([line({}), line({ product_title: "Tote, sand", sku: "TOTE-SAND", quantity: 2 })])
    const rows = csv.split("\r\n")
    expect(rows[0]).toBe("customer_id,email,product_id,product_title,variant_id,variant_title,sku,quantity,channel,order_id,bought_at")
    expect(rows[1]).toBe("cus_1,camille@example.com,prod_mug,Enamel Mug,variant_ink,Ink,MUG-INK,1,Web store,order_1,2026-11-20T10:00:00.000Z")
    expect(rows[2]).toContain('"Tote, sand"')
    expect(rows[3]).toBe("")
  })

  it("lists each product once, with its variants and the last time, newest first", () => {
    const products = distinctProducts([
      line({ bought_at: "2026-11-20T10:00:00.000Z" }),
      line({ variant_id: "variant_white", bought_at: "2026-11-22T10:00:00.000Z" }),
      line({ product_id: "prod_tote", product_title: "Tote", variant_id: "variant_sand", bought_at: "2026-11-21T10:00:00.000Z" }),
      line({ product_id: null }),
    ])
    expect(products).toEqual([
      { product_id: "prod_mug", product_title: "Enamel Mug", variant_ids: ["variant_ink", "variant_white"], last_bought_at: "2026-11-22T10:00:00.000Z" },
      { product_id: "prod_tote", product_title: "Tote", variant_ids: ["variant_sand"], last_bought_at: "2026-11-21T10:00:00.000Z" },
    ])
  })
})
