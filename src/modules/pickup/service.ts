import { MedusaService } from "@medusajs/framework/utils"
import { derivePickupCode, hashPickupCode } from "../../lib/pickup-code"
import { PickupOrder } from "./models/pickup-order"
import { PickupSelection } from "./models/pickup-selection"
import { PickupStore } from "./models/pickup-store"
import type { PickupModuleOptions } from "./types"

class PickupModuleService extends MedusaService({
  PickupStore,
  PickupSelection,
  PickupOrder,
}) {
  protected readonly codeSecret_: string

  constructor(container: Record<string, unknown>, options: PickupModuleOptions = {}) {
    // @ts-ignore MedusaService's constructor takes the same arguments
    super(...arguments)
    this.codeSecret_ =
      options.pickupCodeSecret || process.env.PICKUP_CODE_SECRET || process.env.JWT_SECRET || "supersecret"
  }

  /** Re-derives a pickup's code for its shopper (never stored). */
  pickupCode(pickup: { id: string; code_nonce: string }): string {
    return derivePickupCode(this.codeSecret_, pickup.id, pickup.code_nonce)
  }

  hashCode(code: string): string {
    return hashPickupCode(this.codeSecret_, code)
  }
}

export default PickupModuleService
