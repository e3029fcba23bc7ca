import { MedusaService } from "@medusajs/framework/utils"
import { PickupStore } from "./models/pickup-store"

class PickupModuleService extends MedusaService({
  PickupStore,
}) {}

export default PickupModuleService
