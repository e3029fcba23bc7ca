import { model } from "@medusajs/framework/utils"

/**
 * The shopper's pickup choice for a cart (store, slot, who collects). Kept in
 * the module rather than cart metadata, which the Store API lets anyone edit:
 * completion trusts only what POST /store/carts/:id/pickup validated.
 */
export const PickupSelection = model.define("pickup_selection", {
  id: model.id({ prefix: "pksel" }).primaryKey(),
  cart_id: model.text().unique(),
  location_id: model.text(),
  // The store's pickup shipping option when chosen: completion checks the cart
  // still ships with it (the shopper may have switched back to delivery).
  shipping_option_id: model.text().nullable(),
  slot_start: model.dateTime().nullable(),
  slot_end: model.dateTime().nullable(),
  pickup_person: model.json().nullable(),
})
