import { Module } from "@medusajs/framework/utils"
import LoyaltyModuleService from "./service"

// Not "loyalty": that is the key of Medusa's own loyalty plugin, which an app may also run.
export const LOYALTY_MODULE = "omnichannel_loyalty"

export default Module(LOYALTY_MODULE, {
  service: LoyaltyModuleService,
})

export type { LoyaltyModuleService }
export * from "./types"
