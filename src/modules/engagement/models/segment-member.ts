import { model } from "@medusajs/framework/utils"

/**
 * Who the plugin put in a segment's customer group. Medusa's group table
 * takes the same customer twice, so every change is first claimed here,
 * where (segment, customer) is unique: of two instances adding the same
 * member at once, one inserts the row and adds to the group, the other does
 * nothing.
 */
export const SegmentMember = model
  .define("engagement_segment_member", {
    id: model.id({ prefix: "segm" }).primaryKey(),
    segment_id: model.text(),
    customer_id: model.text(),
  })
  .indexes([{ on: ["segment_id", "customer_id"], unique: true }, { on: ["customer_id"] }])
