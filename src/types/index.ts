export * from "./http"
export type { OmnichannelPluginOptions } from "../lib/plugin-options"
export * from "./status"
export * from "./staff-http"
export type {
  IPickupModuleService,
  ILoyaltyModuleService,
  IRoutingModuleService,
  IStaffModuleService,
  IEngagementModuleService,
} from "./modules"
