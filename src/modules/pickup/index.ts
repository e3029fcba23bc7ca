import { Module } from "@medusajs/framework/utils"
import validateOmnichannelOptions from "./loaders/validate-options"
import PickupModuleService from "./service"

export const PICKUP_MODULE = "pickup"

export default Module(PICKUP_MODULE, {
  service: PickupModuleService,
  loaders: [validateOmnichannelOptions],
})

export type { PickupModuleService }
export * from "./types"
