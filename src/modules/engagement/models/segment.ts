import { model } from "@medusajs/framework/utils"
import { SegmentRule, type SegmentParams, type SegmentState } from "../types"

/**
 * A segment the merchant defines: a rule with its parameters, kept as a
 * Medusa customer group the plugin owns (so price lists and promotions
 * target it as usual). `state` is what the last full refresh measured that an
 * incremental update needs (the high-value threshold, the RFM quintile
 * boundaries), so one customer is placed without ranking everyone again.
 */
export const Segment = model
  .define("engagement_segment", {
    id: model.id({ prefix: "seg" }).primaryKey(),
    handle: model.text().unique(),
    name: model.text(),
    description: model.text().nullable(),
    rule: model.enum(SegmentRule),
    params: model.json<SegmentParams>(),
    customer_group_id: model.text().nullable(),
    member_count: model.number().default(0),
    state: model.json<SegmentState>().nullable(),
    refreshed_at: model.dateTime().nullable(),
  })
