import { model } from "@medusajs/framework/utils"
import { PickupStatus } from "../types"

/**
 * A pickup order: the store-side life of one Medusa order collected in a store.
 * The pickup code is never stored: only its HMAC (`code_hash`) and the nonce
 * from which the server re-derives it for the shopper.
 */
export const PickupOrder = model
  .define("pickup_order", {
    id: model.id({ prefix: "pkor" }).primaryKey(),
    order_id: model.text().unique(),
    cart_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    location_id: model.text(),
    status: model.enum(PickupStatus).default(PickupStatus.PLACED),
    slot_start: model.dateTime().nullable(),
    slot_end: model.dateTime().nullable(),
    ready_by: model.dateTime().nullable(),
    pickup_person: model.json().nullable(),
    code_hash: model.text(),
    code_nonce: model.text(),
    // Copied from the order at checkout so the desk can search and sort
    // without joining the order module.
    order_display_id: model.number().nullable(),
    customer_name: model.text().nullable(),
    email: model.text().nullable(),
    // Desk life: set by the transition workflows (see docs/ARCHITECTURE.md).
    fulfillment_id: model.text().nullable(),
    rejected_items: model.json().nullable(),
    expires_at: model.dateTime().nullable(),
    reminder_sent_at: model.dateTime().nullable(),
    arrived_at: model.dateTime().nullable(),
    arrival_note: model.text().nullable(),
    collected_at: model.dateTime().nullable(),
    collected_by: model.json().nullable(),
    handed_over_by: model.text().nullable(),
    canceled_at: model.dateTime().nullable(),
    cancel_reason: model.text().nullable(),
  })
  .indexes([
    { on: ["location_id", "status"] },
    { on: ["customer_id"] },
    { on: ["location_id", "code_hash"] },
    { on: ["location_id", "slot_start"] },
    { on: ["status", "expires_at"] },
  ])
