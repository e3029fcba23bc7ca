import { model } from "@medusajs/framework/utils"

/**
 * How one stock location takes part in delivery routing. A location without
 * a record (or with `ships` empty) ships when it is a warehouse (no pickup
 * store settings) and not when it is a store: stores ship only when the
 * merchant says so. Coordinates are for `nearest` when the location has no
 * pickup store record to take them from.
 */
export const RoutingLocation = model.define("routing_location", {
  id: model.id({ prefix: "rtloc" }).primaryKey(),
  location_id: model.text().unique(),
  ships: model.boolean().nullable(),
  // Units kept back from shipping at this location (pickup has its own).
  safety_stock: model.number().default(0),
  latitude: model.float().nullable(),
  longitude: model.float().nullable(),
})
