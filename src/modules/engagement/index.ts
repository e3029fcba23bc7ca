import { Module } from "@medusajs/framework/utils"
import EngagementModuleService from "./service"

export const ENGAGEMENT_MODULE = "omnichannel_engagement"

export default Module(ENGAGEMENT_MODULE, {
  service: EngagementModuleService,
})

export type { EngagementModuleService }
export * from "./types"
