import { model } from "@medusajs/framework/utils"

/** The timeline of a shipment: who picked, packed, shipped, rejected a line (and why), reallocated. Append-only. */
export const ShipmentActivity = model
  .define("shipment_activity", {
    id: model.id({ prefix: "rsact" }).primaryKey(),
    shipment_id: model.text(),
    action: model.text(),
    // staff | user (admin) | system
    actor_type: model.text(),
    actor_id: model.text().nullable(),
    data: model.json().nullable(),
  })
  .indexes([{ on: ["shipment_id", "created_at"] }])
