import { model } from "@medusajs/framework/utils"
import type { Closure, WeeklyHours } from "../types"

/**
 * Pickup settings of one store. A store *is* a Medusa stock location; this
 * record only adds what pickup needs. `location_id` is the stock location's id
 * (read-only link in src/links), one record per location.
 */
export const PickupStore = model.define("pickup_store", {
  id: model.id({ prefix: "pkst" }).primaryKey(),
  location_id: model.text().unique(),
  enabled: model.boolean().default(false),
  latitude: model.float().nullable(),
  longitude: model.float().nullable(),
  // IANA zone: hours, closures and slots are wall-clock times there.
  timezone: model.text().default("UTC"),
  hours: model.json<WeeklyHours>().default({}),
  closures: model.json<Closure[]>().default([]),
  lead_time_minutes: model.number().default(0),
  slot_minutes: model.number().default(0),
  slot_capacity: model.number().default(0),
  // How many days ahead a slot may be booked: a slot far off would hold stock until staff cancel it.
  slot_horizon_days: model.number().default(30),
  // Empty: the plugin's defaultHoldDays option.
  hold_days: model.number().nullable(),
  safety_stock: model.number().default(0),
  instructions: model.text().nullable(),
  curbside: model.boolean().default(false),
  phone: model.text().nullable(),
  email: model.text().nullable(),
})
