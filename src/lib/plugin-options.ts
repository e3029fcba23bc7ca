import type { MedusaContainer } from "@medusajs/framework/types"
import { PICKUP_MODULE } from "../modules/pickup"
import type { IPickupModuleService } from "../types/modules"

export * from "../shared/plugin-options"

/**
 * The plugin's options as the app gave them, parsed and with their defaults:
 * the one way routes, workflows and jobs read them. Medusa hands a plugin's
 * options to each of its modules (and this repository's demo app registers
 * the modules with them), so they are read where Medusa put them, the pickup
 * module, which validated them at start. The code secrets stay inside it.
 */
export function omnichannelOptions(container: Pick<MedusaContainer, "resolve">): IPickupModuleService["options"] {
  return container.resolve<IPickupModuleService>(PICKUP_MODULE).options
}
