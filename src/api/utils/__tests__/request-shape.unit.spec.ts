import fs from "fs"
import path from "path"
import { findBadPathParam, findBadString, findTooDeep, isWellFormed, MAX_DEPTH, PARAM_ROUTES, pathMatcher } from "../request-shape"

/** `{ a: { a: … { a: 1 } } }`, `levels` objects deep, built without recursion. */
function nested(levels: number): unknown {
  let v: unknown = 1
  for (let i = 0; i < levels; i++) v = { a: v }
  return v
}

describe("findTooDeep", () => {
  it("accepts MAX_DEPTH levels and names the container one level deeper", () => {
    expect(findTooDeep(nested(MAX_DEPTH))).toBeNull()
    expect(findTooDeep(nested(MAX_DEPTH + 1))).toBe(Array(MAX_DEPTH).fill("a").join("."))
  })

  it("walks 100,000 levels without exhausting the stack", () => {
    let v: unknown = []
    for (let i = 0; i < 100_000; i++) v = [v]
    expect(findTooDeep(v)).toBe(Array(MAX_DEPTH).fill("0").join("."))
    expect(findTooDeep({ ok: [1, 2, { x: "y" }], deep: nested(40) }, 32)).toMatch(/^deep(\.a){31}$/)
  })

  it("ignores scalars and wide, shallow bodies", () => {
    expect(findTooDeep("x")).toBeNull()
    expect(findTooDeep(null)).toBeNull()
    expect(findTooDeep({ items: Array.from({ length: 1000 }, () => ({ id: "x" })) })).toBeNull()
  })
})

describe("isWellFormed / findBadString", () => {
  it("tells a lone surrogate from a pair", () => {
    expect(isWellFormed("Léa 😀")).toBe(true)
    expect(isWellFormed("\ud800x")).toBe(false)
    expect(isWellFormed("x\udc00")).toBe(false)
    expect(isWellFormed("\ud83d")).toBe(false)
    expect(isWellFormed("\ude00\ud83d")).toBe(false)
  })

  it("names the first bad string or key, in document order", () => {
    expect(findBadString({ pickup_person: { name: "Léa", phone: "\ud800x" } })).toEqual({
      path: "pickup_person.phone",
      message: "must be well-formed text (a lone UTF-16 surrogate)",
    })
    expect(findBadString({ items: [{ reason: "ok" }, { reason: "a\u0000b" }], note: "\ud800" })).toEqual({
      path: "items.1.reason",
      message: "must not contain a null character",
    })
    expect(findBadString({ ["k\udfff"]: 1 })?.path).toBe("k\udfff")
    expect(findBadString("\ud800")?.path).toBe("(body)")
    expect(findBadString({ a: ["x", 1, null, { b: "😀" }] })).toBeNull()
  })
})

describe("findBadPathParam", () => {
  it("names the parameter a bad escape stands for", () => {
    expect(findBadPathParam("/staff/pickups/%ED%A0%80")).toEqual({ path: "id", message: "must be percent-encoded UTF-8 text" })
    expect(findBadPathParam("/admin/pickup-stores/%E0%A4%A")?.path).toBe("location_id")
    expect(findBadPathParam("/staff/shipments/ful_1/lines/%ff/reject")?.path).toBe("line_item_id")
    expect(findBadPathParam("/store/carts/recover/%")?.path).toBe("token")
    expect(findBadPathParam("/admin/segments/seg_1%00/members")).toEqual({ path: "id", message: "must not contain a null character" })
    expect(findBadPathParam("/admin/segments/seg_%C3%A9/members")).toBeNull()
  })

  it("lists every route folder with a parameter", () => {
    const api = path.join(__dirname, "..", "..")
    const found: string[] = []
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name))
        else if (e.name === "route.ts" && dir.includes("[")) {
          found.push("/" + path.relative(api, dir).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, ":$1")).join("/"))
        }
      }
    }
    walk(api)
    expect([...PARAM_ROUTES].sort()).toEqual(found.sort())
  })
})

describe("pathMatcher", () => {
  it("matches the middlewares' matchers on raw paths, prefixes included", () => {
    const match = pathMatcher(["/staff*", "/store/carts/:id/pickup", "/admin/omnichannel-metrics"])
    expect(match("/staff/pickups/%ED%A0%80")).toBe(true)
    expect(match("/store/carts/%ED/pickup")).toBe(true)
    expect(match("/admin/omnichannel-metrics")).toBe(true)
    expect(match("/store/carts/cart_1")).toBe(false)
    expect(match("/admin/orders/%ED")).toBe(false)
    expect(match("/admin/omnichannel-metricsx")).toBe(false)
  })
})
