import { model } from "@medusajs/framework/utils"

/**
 * Which location ships which units of a delivery order's line, as decided at
 * checkout (one row per part of a split line). The reservation behind an
 * `allocated` row sits at `location_id`.
 */
export const OrderAllocation = model
  .define("order_allocation", {
    id: model.id({ prefix: "ralloc" }).primaryKey(),
    order_id: model.text().index(),
    line_item_id: model.text(),
    variant_id: model.text().nullable(),
    location_id: model.text().index(),
    quantity: model.number(),
    // allocated → shipped; rejected: the location couldn't find it (the
    // quantity moved to another location's row, or nowhere: unavailable)
    status: model.enum(["allocated", "shipped", "rejected", "unavailable"]).default("allocated"),
    reason: model.text().nullable(),
  })
