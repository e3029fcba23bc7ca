import { model } from "@medusajs/framework/utils"
import type { RoutingRule } from "../types"

/**
 * The routing rules of one sales channel, or the default for channels
 * without their own (`scope` "default"). `rules` in order, each breaking the
 * ties of the ones before; `priority` ranks location ids for the `priority`
 * rule. A disabled policy leaves the channel's delivery orders to Medusa core.
 */
export const RoutingPolicy = model.define("routing_policy", {
  id: model.id({ prefix: "rtpol" }).primaryKey(),
  scope: model.text().unique(),
  enabled: model.boolean().default(true),
  rules: model.json<RoutingRule[]>().default([]),
  priority: model.json<string[]>().default([]),
})
