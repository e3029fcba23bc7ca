import fs from "node:fs"
import path from "node:path"
import vm from "node:vm"
import { PickupStatus } from "../../../modules/pickup/types"
import { ORDER_STATE_LABEL } from "../../../types/status"

/**
 * desk.js is a plain served script and cannot import src/types/status.ts: its
 * own STATUS table must say what ORDER_STATE_LABEL says, word for word.
 */
describe("the pickup desk's status words", () => {
  const source = fs.readFileSync(path.join(__dirname, "../assets/desk.js"), "utf8")
  const literal = /var STATUS = (\{[\s\S]*?\});/.exec(source)?.[1]
  // The table is an object literal of strings: evaluated alone, without the page.
  const STATUS: Record<string, string> = literal ? vm.runInNewContext(`(${literal})`) : {}

  it("finds the STATUS table in desk.js", () => {
    expect(literal).toBeDefined()
    expect(Object.keys(STATUS).length).toBeGreaterThan(0)
  })

  it("names every pickup status", () => {
    for (const status of Object.values(PickupStatus)) expect(STATUS).toHaveProperty(status)
  })

  it("uses ORDER_STATE_LABEL's words for every order state it names", () => {
    const shared = Object.keys(STATUS).filter((k) => k in ORDER_STATE_LABEL)
    expect(shared).toEqual(expect.arrayContaining(Object.values(PickupStatus)))
    const desk = Object.fromEntries(shared.map((k) => [k, STATUS[k]]))
    const labels = Object.fromEntries(shared.map((k) => [k, ORDER_STATE_LABEL[k as keyof typeof ORDER_STATE_LABEL]]))
    expect(desk).toEqual(labels)
  })

  it("writes every label in sentence case", () => {
    for (const label of Object.values(STATUS)) {
      expect(label.charAt(0)).toBe(label.charAt(0).toUpperCase())
      expect(label.slice(1)).toBe(label.slice(1).toLowerCase())
    }
  })
})
