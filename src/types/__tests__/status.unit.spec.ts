import { PickupStatus } from "../../modules/pickup/types"
import {
  ALLOCATION_STATE_LABEL,
  ORDER_MODE_LABEL,
  ORDER_STATE_LABEL,
  SHIPMENT_STATE_LABEL,
  STORE_SHIPMENT_STATE_LABEL,
} from "../status"

/**
 * The one status vocabulary of the storefront, the app, the admin and the
 * desk (all import these tables): every pickup status has its words, and
 * every label reads in sentence case (the pages never capitalise with CSS).
 */
describe("the shared status words", () => {
  it("names every pickup status the module can write", () => {
    for (const status of Object.values(PickupStatus)) expect(ORDER_STATE_LABEL).toHaveProperty(status)
  })

  it.each(
    Object.entries({ ORDER_STATE_LABEL, SHIPMENT_STATE_LABEL, ORDER_MODE_LABEL, STORE_SHIPMENT_STATE_LABEL, ALLOCATION_STATE_LABEL })
  )("%s: sentence case, none empty", (_name, table) => {
    for (const label of Object.values(table)) {
      expect(label.trim()).not.toBe("")
      expect(label.charAt(0)).toBe(label.charAt(0).toUpperCase())
      expect(label.slice(1)).toBe(label.slice(1).toLowerCase())
    }
  })
})
